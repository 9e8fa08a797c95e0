import classes from './MessageItem.module.css';

/** An e-mail's text with quoted history ("> …" lines and their attribution) set apart, as text. */
export function EmailBody({ body }: { body: string }) {
  const blocks: { quoted: boolean; text: string }[] = [];
  for (const line of body.split(/\r?\n/)) {
    const quoted = line.trimStart().startsWith('>');
    const last = blocks[blocks.length - 1];
    if (last && last.quoted === quoted) last.text += `\n${line}`;
    else blocks.push({ quoted, text: line });
  }
  return (
    <div className={classes.text}>
      {blocks.map((block, index) =>
        block.quoted ? (
          <blockquote key={index} className={classes.quote}>
            {block.text}
          </blockquote>
        ) : (
          <span key={index}>{block.text}</span>
        ),
      )}
    </div>
  );
}
