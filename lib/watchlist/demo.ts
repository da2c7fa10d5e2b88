import { parseWatchlistCsv } from './parse-csv';
import type { ParsedWatchlist } from './types';

/**
 * The embedded demo watchlist: the client list of Harrow & Vale LLP, a fictional law firm, so
 * the extension does something visible before a firm publishes its own list. Every name,
 * number and address is invented; domains are under the reserved `.example` TLD (RFC 2606).
 * It is written in exactly the firm CSV format of docs/design.md#file-format and loaded by the same reader, so
 * it doubles as a worked example of that format. Other tests and the e2e suite rely on Acme,
 * Beta, Crane and Globex below; change those rows only together with them.
 */

export const DEMO_FIRM_DOMAINS: readonly string[] = ['harrowvale.example'];
export const DEMO_VERSION = 'demo-2025.03';
export const DEMO_WATCHLIST_SOURCE_LABEL = 'Embedded demo watchlist (fictional firm Harrow & Vale LLP)';

export const DEMO_WATCHLIST_CSV = `client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity
C-004512,Acme Holdings Ltd,12345-0001,Acquisition of Beta GmbH,Project Falcon,acme.example;acme-holdings.example,,warn
C-004512,Acme Holdings Ltd,12345-0002,Employment advice (general),,acme.example;acme-holdings.example,,warn
C-004512,Acme Holdings Ltd,12345-0003,Trade mark portfolio renewals,,acme.example;acme-holdings.example,,notice
C-004512,Acme Holdings Ltd,2024-0042,Pension scheme buy-in,,acme.example;acme-holdings.example,,warn
C-007731,Beta Industries GmbH,23456-0001,Supply agreement dispute with Kessler AG,,beta.example,,warn
C-007731,Beta Industries GmbH,23456-0002,Works council consultation,,beta.example,,warn
C-007731,Beta Industries GmbH,23456-0003,Financing of the Werk Süd expansion,,beta.example,,warn
C-007731,Beta Industries GmbH,23456-0004,Customs classification ruling,,beta.example,,warn
C-008820,Crane & Co LLP,31234-0001,Partnership deed restatement,,crane.example;craneco.example,j.doe@harrowvale.example,warn
C-008820,Crane & Co LLP,31234-0002,Professional negligence claim (Rook v Crane),,crane.example;craneco.example,,warn
C-008820,Crane & Co LLP,31234-0003,"Office lease renewal, 1 Fleet Yard",,crane.example;craneco.example,,notice
C-010001,Globex Corporation,34567-0001,Regulatory investigation support,GLBX,globex.example;globexcorp.example,,warn
C-010001,Globex Corporation,34567-0002,Share buyback programme,GLBX,globex.example;globexcorp.example,a.khan@harrowvale.example;m.rossi@harrowvale.example,warn
C-010001,Globex Corporation,34567-0003,Proposed offer for Stanhope Retail plc,Project Nightjar;GLBX,globex.example;globexcorp.example,,block
C-010001,Globex Corporation,34567-0004,Data protection audit,GLBX,globex.example;globexcorp.example,,warn
C-011250,Müller & Söhne GmbH,M.7781.01,Nachfolgeregelung (succession planning),,mueller-soehne.example;muellersoehne.example,,warn
C-011250,Müller & Söhne GmbH,M.7781.02,Product liability defence,,mueller-soehne.example;muellersoehne.example,,warn
C-011250,Müller & Söhne GmbH,M.7781.03,Sale of the Maschinenbau division,Projekt Eisvogel,mueller-soehne.example;muellersoehne.example,,block
C-011377,Société Lumière SA,2023-0117,Joint venture in the Baltic,Projet Aurore,lumiere.example;societe-lumiere.example,,warn
C-011377,Société Lumière SA,2023-0118,Restructuring of French operations,,lumiere.example;societe-lumiere.example,,warn
C-011377,Société Lumière SA,2024-0009,EU merger control filing,Projet Aurore,lumiere.example;societe-lumiere.example,,warn
C-012004,Weißbach Maschinenbau AG,M.8120.01,Patent licence negotiation,,weissbach.example,,warn
C-012004,Weißbach Maschinenbau AG,M.8120.02,"Warranty claims, Izmir plant",,weissbach.example,,warn
C-012004,Weißbach Maschinenbau AG,M.8120.03,Supervisory board advice,,weissbach.example,,warn
C-012210,Øresund Shipping A/S,2023-0201,Vessel financing,,oresund-shipping.example,,warn
C-012210,Øresund Shipping A/S,2023-0202,Charter party arbitration,,oresund-shipping.example,,warn
C-012210,Øresund Shipping A/S,2023-0203,Sanctions screening review,,oresund-shipping.example,,warn
C-012788,Łódź Logistyka Sp. z o.o.,2024-0133,Warehouse portfolio acquisition,Project Kestrel,lodz-logistyka.example,,warn
C-012788,Łódź Logistyka Sp. z o.o.,2024-0134,Customs compliance review,,lodz-logistyka.example,,warn
C-012788,Łódź Logistyka Sp. z o.o.,2024-0135,Employment claim (Nowicki),,lodz-logistyka.example,,warn
C-013002,Cañada Verde S.L.,2024-0150,Solar park project finance,Proyecto Girasol,canadaverde.example,,warn
C-013002,Cañada Verde S.L.,2024-0151,Land rights due diligence,,canadaverde.example,,warn
C-013002,Cañada Verde S.L.,2024-0152,Grid connection agreement,,canadaverde.example,,warn
C-013002,Cañada Verde S.L.,2024-0153,Feed-in tariff appeal,,canadaverde.example,,warn
C-013315,Ångström Analytics AB,2024-0160,Series B financing,Project Lodestar,angstrom-analytics.example,,warn
C-013315,Ångström Analytics AB,2024-0161,Employee option plan,,angstrom-analytics.example,,warn
C-013315,Ångström Analytics AB,2024-0162,Software licence audit,,angstrom-analytics.example,,warn
C-013540,Çelik Yapı A.Ş.,2024-0170,ICC construction arbitration,,celik-yapi.example,,warn
C-013540,Çelik Yapı A.Ş.,2024-0171,Eurobond issue,,celik-yapi.example,,warn
C-013540,Çelik Yapı A.Ş.,2024-0172,Metro tender consortium agreement,,celik-yapi.example,,warn
C-013777,Nørrebro Design ApS,2024-0180,Design rights infringement,,norrebro-design.example,,notice
C-013777,Nørrebro Design ApS,2024-0181,Distribution agreement,,norrebro-design.example,,notice
C-013777,Nørrebro Design ApS,2024-0182,Trade mark opposition,,norrebro-design.example,,notice
C-014001,Dvořák Audio s.r.o.,2024-0190,Sale to a strategic buyer,Project Nocturne,dvorak-audio.example,p.novak@harrowvale.example,block
C-014001,Dvořák Audio s.r.o.,2024-0191,Product recall advice,,dvorak-audio.example,,warn
C-014001,Dvořák Audio s.r.o.,2024-0192,Distributor termination,,dvorak-audio.example,,warn
C-014250,Pemberton Rail plc,45678-0001,Rolling stock lease,,pembertonrail.example,,warn
C-014250,Pemberton Rail plc,45678-0002,Franchise bid,Project Semaphore,pembertonrail.example,,warn
C-014250,Pemberton Rail plc,45678-0003,Health and safety prosecution defence,,pembertonrail.example,,warn
C-014250,Pemberton Rail plc,45678-0004,Pension trustee advice,,pembertonrail.example,,warn
C-015002,Halcyon Biotech Inc.,56789-0001,Initial public offering,Project Tern,halcyonbio.example,,block
C-015002,Halcyon Biotech Inc.,56789-0002,Clinical trial agreements,,halcyonbio.example,,warn
C-015002,Halcyon Biotech Inc.,56789-0003,Patent litigation v Corvid Pharma,,halcyonbio.example,,warn
C-015002,Halcyon Biotech Inc.,56789-0004,Regulatory correspondence (FDA),,halcyonbio.example,,warn
C-015118,Redwood Valley Vineyards LLC,2023-0301,Water rights dispute,,redwoodvalley.example,,warn
C-015118,Redwood Valley Vineyards LLC,2023-0302,EU distribution agreements,,redwoodvalley.example,,warn
C-015118,Redwood Valley Vineyards LLC,2023-0303,Label approvals,,redwoodvalley.example,,warn
C-015118,Redwood Valley Vineyards LLC,2023-0304,Vineyard land purchase,,redwoodvalley.example,,warn
C-015230,Tanaka Seimitsu K.K.,M.9034.01,European subsidiary formation,,tanaka-seimitsu.example,,warn
C-015230,Tanaka Seimitsu K.K.,M.9034.02,Supply chain contracts,,tanaka-seimitsu.example,,warn
C-015230,Tanaka Seimitsu K.K.,M.9034.03,Acquisition of a UK sensor maker,Project Heron,tanaka-seimitsu.example,,block
C-015377,Marlow & Finch Pty Ltd,2024-0210,Cross-border licensing,,marlowfinch.example,,warn
C-015377,Marlow & Finch Pty Ltd,2024-0211,Shareholder dispute,,marlowfinch.example,,warn
C-015377,Marlow & Finch Pty Ltd,2024-0212,Franchise agreements,,marlowfinch.example,,warn
C-015490,Van der Berg Logistiek B.V.,2024-0220,Fleet financing,,vanderberg.example,,warn
C-015490,Van der Berg Logistiek B.V.,2024-0221,Port concession,,vanderberg.example,,warn
C-015490,Van der Berg Logistiek B.V.,2024-0222,Tax structuring,,vanderberg.example,,warn
C-015601,Fabbrica Rossi S.p.A.,M.9310.01,Antitrust investigation,,fabbricarossi.example,,warn
C-015601,Fabbrica Rossi S.p.A.,M.9310.02,Export control review,,fabbricarossi.example,,warn
C-015601,Fabbrica Rossi S.p.A.,M.9310.03,Family shareholder agreement,,fabbricarossi.example,,warn
C-015744,Lindqvist Energi Oy,2024-0240,Wind farm acquisition,Project Boreas,lindqvist-energi.example,,warn
C-015744,Lindqvist Energi Oy,2024-0241,Power purchase agreements,,lindqvist-energi.example,,warn
C-015744,Lindqvist Energi Oy,2024-0242,Environmental permits,,lindqvist-energi.example,,warn
C-015744,Lindqvist Energi Oy,2024-0243,Grid operator dispute,,lindqvist-energi.example,,warn
C-015800,Banco Meridional S.A.,2023-0410,Loan portfolio sale,Project Albatross,bancomeridional.example,,block
C-015800,Banco Meridional S.A.,2023-0411,Regulatory capital advice,,bancomeridional.example,,warn
C-015800,Banco Meridional S.A.,2023-0412,Employment matters,,bancomeridional.example,,warn
C-015800,Banco Meridional S.A.,2023-0413,Card scheme contracts,,bancomeridional.example,,warn
C-015933,O'Sullivan Brewing Company Limited,2024-0250,Brewery site acquisition,,osullivanbrewing.example,,warn
C-015933,O'Sullivan Brewing Company Limited,2024-0251,Alcohol licensing,,osullivanbrewing.example,,warn
C-015933,O'Sullivan Brewing Company Limited,2024-0252,Brand licensing,,osullivanbrewing.example,,warn
C-016020,Hartmann Immobilien KG,M.9520.01,Berlin office portfolio,,hartmann-immo.example,,warn
C-016020,Hartmann Immobilien KG,M.9520.02,Tenant litigation,,hartmann-immo.example,,warn
C-016020,Hartmann Immobilien KG,M.9520.03,Refinancing,,hartmann-immo.example,,warn
C-016145,Zenith Aerospace SE,2024-0260,Defence export licences,,zenith-aero.example,,block
C-016145,Zenith Aerospace SE,2024-0261,Satellite joint venture,Project Vega,zenith-aero.example,,warn
C-016145,Zenith Aerospace SE,2024-0262,Supplier disputes,,zenith-aero.example,,warn
C-016145,Zenith Aerospace SE,2024-0263,Works council agreement,,zenith-aero.example,,warn
C-016290,"Smith, Ortega & Partners LLP",2024-0270,Lateral hire agreements,,smithortega.example,,warn
C-016290,"Smith, Ortega & Partners LLP",2024-0271,Regulatory advice,,smithortega.example,,warn
C-016290,"Smith, Ortega & Partners LLP",2024-0272,Merger of practices,Project Confluence,smithortega.example,r.hughes@harrowvale.example,warn
C-016402,The Trustees of the Ashcombe Foundation,2024-0280,Grant agreements,,ashcombe.example,,notice
C-016402,The Trustees of the Ashcombe Foundation,2024-0281,Endowment investment policy,,ashcombe.example,,notice
C-016402,The Trustees of the Ashcombe Foundation,2024-0282,Legacy dispute,,ashcombe.example,,warn
C-016555,Bluefin Capital Partners LP,2024-0290,Fund V formation,Bluefin Fund V,bluefin.example,,warn
C-016555,Bluefin Capital Partners LP,2024-0291,Acquisition of a logistics platform,Project Marlin,bluefin.example,,block
C-016555,Bluefin Capital Partners LP,2024-0292,Co-investment agreements,,bluefin.example,,warn
C-016701,Quillon Software SAS,2024-0300,SaaS customer terms,,quillon.example,,warn
C-016701,Quillon Software SAS,2024-0301,Data processing agreements,,quillon.example,,warn
C-016701,Quillon Software SAS,2024-0302,Series A financing,Projet Plume,quillon.example,,warn
C-016701,Quillon Software SAS,2024-0303,Founder vesting,,quillon.example,,warn
C-016888,Orchard & Lane Retail plc,45901-0001,Store closure programme,,orchardlane.example,,warn
C-016888,Orchard & Lane Retail plc,45901-0002,Supplier audit,,orchardlane.example,,warn
C-016888,Orchard & Lane Retail plc,45901-0003,Takeover defence,Project Bramble,orchardlane.example,,block
C-017150,Meridian Health Trust,,,,meridianhealth.example,,warn
C-017222,Ironbridge Mining Ltd,,,Ironbridge Resources,ironbridge.example,,warn
`;

/** The demo list, read by the firm CSV reader; entries are marked `source: 'demo'`. */
export function parseDemoWatchlist(): ParsedWatchlist {
  return parseWatchlistCsv(DEMO_WATCHLIST_CSV, { version: DEMO_VERSION, source: 'demo' });
}
