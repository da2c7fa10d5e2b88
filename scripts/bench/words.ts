/**
 * Word lists for the benchmark's invented firm: surnames and place words from several
 * languages (with their diacritics), syllables for coined company names, industry words,
 * legal suffixes in the spellings firms export, and prose for the texts that are scanned.
 */

export const SURNAMES = [
  'Müller', 'Schröder', 'Weiß', 'Søndergaard', 'Ørsted', 'Łukasiewicz', 'Dvořák', 'Gómez', 'Peña', 'Françoise',
  'Nørgaard', 'Čapek', 'Sørensen', 'Åberg', 'Lefèvre', 'Jiménez', 'Kovačević', 'Şahin', 'Bürki', 'Öztürk',
  'Smith', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thompson', 'Harrow', 'Vale', 'Whitfield', 'Ashworth',
  'Kessler', 'Hoffmann', 'Rossi', 'Bianchi', 'Esposito', 'Dubois', 'Moreau', 'Laurent', 'Janssen', 'De Vries',
  'Nakamura', 'Okafor', 'Adeyemi', 'Kowalski', 'Novák', 'Horváth', 'Papadopoulos', 'Lindqvist', 'Virtanen', 'Fitzgerald',
];

export const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'ch', 'th'];
export const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ei', 'ou', 'ö', 'é', 'ü', 'å', 'ø', 'ia'];
export const CODAS = ['', '', 'n', 'r', 's', 'l', 'x', 'nd', 'rt', 'm', 'ck', 'v'];

export const INDUSTRIES = [
  'Holdings', 'Industries', 'Capital', 'Partners', 'Logistics', 'Pharma', 'Energy', 'Systems', 'Technologies', 'Foods',
  'Resources', 'Ventures', 'Group', 'Trust', 'Insurance', 'Media', 'Motors', 'Shipping', 'Properties', 'Analytics',
  'Maschinenbau', 'Immobilien', 'Construcciones', 'Assurances', 'Biotech', 'Retail', 'Mining', 'Aerospace', 'Textiles', 'Brewing',
];

export const SUFFIXES = [
  'Ltd', 'Limited', 'Inc', 'Inc.', 'LLC', 'LLP', 'plc', 'GmbH', 'AG', 'S.A.', 'SAS', 'N.V.', 'B.V.', 'S.p.A.',
  'Pty Ltd', 'AB', 'Oy', 'K.K.', 'Corp', 'Corporation', 'GmbH & Co. KG', 'SARL', 'SE', 'A/S',
];

export const CODE_NAMES = [
  'Falcon', 'Kestrel', 'Nightjar', 'Osprey', 'Heron', 'Lapwing', 'Curlew', 'Merlin', 'Sparrowhawk', 'Kingfisher',
  'Aurora', 'Lodestar', 'Sirius', 'Vega', 'Orion', 'Polaris', 'Sapphire', 'Onyx', 'Garnet', 'Topaz',
  'Eisvogel', 'Girasol', 'Aurore', 'Basilisk', 'Chimera', 'Zephyr', 'Mistral', 'Sirocco', 'Tramontane', 'Bora',
];
export const CODE_PREFIXES = ['Project', 'Projekt', 'Projet', 'Proyecto', 'Operation'];

export const MATTER_NAMES = [
  'Acquisition of', 'Disposal of', 'Financing for', 'Dispute with', 'Employment advice for', 'Licence agreement with',
  'Joint venture with', 'Regulatory review of', 'Restructuring of', 'Arbitration against',
];

export const FIRST_NAMES = ['j', 'a', 'm', 'k', 's', 'r', 'l', 'p', 'e', 'd'];

/** Ordinary prose of a legal email; none of it is a watched term. */
export const PROSE = (
  'the of and to in that for is on with as by at this be are from or we please find attached draft agreement '
  + 'comments regarding meeting tomorrow schedule call discuss terms conditions counsel review signed copy '
  + 'contract clause liability indemnity warranty closing completion board approval shareholders purchase '
  + 'price adjustment escrow disclosure letter schedule exhibit revised version redline markup thanks regards '
  + 'kind best wishes team partner associate trainee client instructions deadline filing court hearing '
  + 'witness statement evidence bundle invoice fees estimate budget engagement letter conflict check '
  + 'confidential privileged settlement offer without prejudice negotiation update status next steps'
).split(' ');

/** Words that look like parts of names or numbers but are not watched terms on their own. */
export const NEAR_MISS_WORDS = ['apple', 'pie', 'holding', 'capitalised', 'partnership', 'group-wide', 'trustee', 'energetic'];
