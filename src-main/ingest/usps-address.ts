/**
 * Mailing-address normalisation for householding, after USPS Publication 28: upper case,
 * punctuation dropped, street suffixes, directionals and unit designators abbreviated, "#"
 * read as a unit, ZIP cut to five digits. Two spellings of one address give one key.
 */

/** Publication 28, appendix C1: common street suffixes → standard abbreviation. */
const SUFFIXES: Record<string, string> = {
  ALLEY: 'ALY',
  AVENUE: 'AVE',
  AV: 'AVE',
  AVEN: 'AVE',
  BOULEVARD: 'BLVD',
  BOUL: 'BLVD',
  CIRCLE: 'CIR',
  CIRC: 'CIR',
  COURT: 'CT',
  CRT: 'CT',
  COVE: 'CV',
  CREEK: 'CRK',
  CRESCENT: 'CRES',
  CROSSING: 'XING',
  DRIVE: 'DR',
  DRV: 'DR',
  EXPRESSWAY: 'EXPY',
  FREEWAY: 'FWY',
  HEIGHTS: 'HTS',
  HIGHWAY: 'HWY',
  HIWAY: 'HWY',
  HILL: 'HL',
  HOLLOW: 'HOLW',
  JUNCTION: 'JCT',
  LANE: 'LN',
  LOOP: 'LOOP',
  MANOR: 'MNR',
  MEADOWS: 'MDWS',
  MOUNT: 'MT',
  MOUNTAIN: 'MTN',
  PARKWAY: 'PKWY',
  PARKWY: 'PKWY',
  PKY: 'PKWY',
  PASS: 'PASS',
  PATH: 'PATH',
  PIKE: 'PIKE',
  PLACE: 'PL',
  PLAZA: 'PLZ',
  POINT: 'PT',
  RIDGE: 'RDG',
  ROAD: 'RD',
  ROUTE: 'RTE',
  RUN: 'RUN',
  SQUARE: 'SQ',
  STREET: 'ST',
  STR: 'ST',
  STRT: 'ST',
  TERRACE: 'TER',
  TRAIL: 'TRL',
  TRAILS: 'TRL',
  TURNPIKE: 'TPKE',
  VIEW: 'VW',
  VILLAGE: 'VLG',
  WAY: 'WAY',
  WALK: 'WALK',
};

/** Publication 28, appendix B: directionals. */
const DIRECTIONALS: Record<string, string> = {
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
};

/** Publication 28, appendix C2: secondary unit designators. */
const UNITS: Record<string, string> = {
  APARTMENT: 'APT',
  BUILDING: 'BLDG',
  BASEMENT: 'BSMT',
  DEPARTMENT: 'DEPT',
  FLOOR: 'FL',
  FRONT: 'FRNT',
  LOT: 'LOT',
  OFFICE: 'OFC',
  PENTHOUSE: 'PH',
  REAR: 'REAR',
  ROOM: 'RM',
  SPACE: 'SPC',
  SUITE: 'STE',
  TRAILER: 'TRLR',
  UNIT: 'UNIT',
};
const UNIT_ABBREVIATIONS = new Set(Object.values(UNITS));

function words(text: string): string[] {
  return text
    .toUpperCase()
    .replace(/#\s*/g, ' # ')
    .replace(/[^A-Z0-9# ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** One address line in USPS standard form. */
export function normalizeAddressLine(line: string): string {
  const tokens = words(line);
  const out: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const previous = out[out.length - 1];
    if (token === '#') {
      // "# 4B" and "APT # 4B" are both the unit 4B.
      if (previous === undefined || !UNIT_ABBREVIATIONS.has(previous)) out.push('APT');
      continue;
    }
    const unit = UNITS[token];
    if (unit && i < tokens.length - 1) {
      out.push(unit);
      continue;
    }
    out.push(DIRECTIONALS[token] ?? SUFFIXES[token] ?? token);
  }
  return out.join(' ');
}

/** The line without its unit designator and what follows it: "12 ELM ST APT 4B" → "12 ELM ST". */
function withoutUnit(normalized: string): string {
  const tokens = normalized.split(' ');
  const at = tokens.findIndex((t, i) => i > 0 && UNIT_ABBREVIATIONS.has(t));
  return at < 0 ? normalized : tokens.slice(0, at).join(' ');
}

/**
 * The household key for an address: both lines normalised, and the 5-digit ZIP. With
 * `ignoreUnit`, apartments of one building are one address (the second line is dropped).
 */
export function addressKey(line1: string, line2: string | null, zip: string, ignoreUnit = false): string {
  const first = normalizeAddressLine(line1);
  if (ignoreUnit) return `${withoutUnit(first)}|${zip.trim().slice(0, 5)}`;
  const second = line2 ? normalizeAddressLine(line2) : '';
  return `${first}${second ? ` ${second}` : ''}|${zip.trim().slice(0, 5)}`;
}
