// The method of each audit, one click away: the sections of docs/subjectivity-audits.md, bundled at build time
// (Vite `?raw`), so the console says exactly what the repository's method document says.
import doc from '../../../docs/subjectivity-audits.md?raw';

const sections = new Map<string, string>();
for (const part of doc.split(/^## /m).slice(1)) {
  const newline = part.indexOf('\n');
  sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
}

/** The section whose heading starts with `heading` (e.g. "Leniency and severity"), with the score section. */
export function methodOf(heading: string): string | undefined {
  const found = [...sections].find(([title]) => title.startsWith(heading));
  if (!found) return undefined;
  const score = sections.get('The score');
  return `${found[0]}\n\n${found[1]}${score ? `\n\nThe score\n\n${score}` : ''}`;
}
