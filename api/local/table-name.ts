/** The local runtime's table: `npm start` serves it, `npm run keys` manages its keys. */
export const LOCAL_TABLE = 'tide-local';
