// Writes rows the way Indonesian Excel does: `;` separators, CRLF, a BOM, quotes only where needed.
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => cells.map(quote).join(';');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function quote(cell: string): string {
  return /[;"\r\n,]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
