/**
 * The applicant's name is personal data; answers show only enough to recognise one's own
 * dossier: "Nguyễn Văn An" -> "Nguyễn V. A.", "Lê Thị Thu Hà" -> "Lê T. T. H.".
 */
export function maskName(fullName: string): string {
  const parts = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  const [family, ...rest] = parts;
  if (rest.length === 0) return `${family[0]}.`;
  return [family, ...rest.map((p) => `${[...p][0].toUpperCase()}.`)].join(' ');
}
