/** Column names a CSV header may hold: quotes and backslashes, line breaks, Unicode, bidi controls, text that looks like syntax. */
export const HOSTILE_NAMES = [
  'a"b\\c',
  'line\nbreak',
  'trailing\\',
  '\\n is not a newline',
  'tab\there',
  'carriage\rreturn',
  'café 日本 🚀',
  '\u202eevil\u202c',
  '\u2067isolated\u2069 \u200f',
  '{x="y"} 1',
  '# HELP driftbook_fake x',
  ' spaced ',
];
