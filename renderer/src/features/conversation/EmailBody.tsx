import { UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import classes from './MessageItem.module.css';

interface Block {
  quoted: boolean;
  text: string;
}

const ATTRIBUTION = /^On .{4,200} wrote:\s*$/;

/**
 * An e-mail's text with the quoted history ("> …" lines and the "On … wrote:" line before them)
 * folded away behind a button, so the customer's new words are what the agent reads first.
 */
export function EmailBody({ body }: { body: string }) {
  const [unfolded, setUnfolded] = useState(false);
  const blocks: Block[] = [];
  const lines = body.split(/\r?\n/);
  lines.forEach((line, index) => {
    const next = lines[index + 1] ?? '';
    const quoted = line.trimStart().startsWith('>') || (ATTRIBUTION.test(line.trim()) && next.trimStart().startsWith('>'));
    const last = blocks[blocks.length - 1];
    if (last && last.quoted === quoted) last.text += `\n${line}`;
    else blocks.push({ quoted, text: line });
  });
  return (
    <div className={classes.text} dir="auto">
      {blocks.map((block, index) => {
        if (!block.quoted) return <span key={index}>{block.text}</span>;
        const count = block.text.split('\n').filter((line) => line.trimStart().startsWith('>')).length;
        return unfolded ? (
          <blockquote key={index} className={classes.quote}>
            {block.text}
          </blockquote>
        ) : (
          <UnstyledButton key={index} className={classes.fold} onClick={() => setUnfolded(true)}>
            Show quoted history ({count} line{count === 1 ? '' : 's'})
          </UnstyledButton>
        );
      })}
    </div>
  );
}
