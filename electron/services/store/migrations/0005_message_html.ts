/** E-mails keep the HTML they came in (shown sanitised, in a sandbox); the text beside it is what is searched and read. */
export const messageHtml = /* sql */ `
ALTER TABLE messages ADD COLUMN body_html TEXT;
`;
