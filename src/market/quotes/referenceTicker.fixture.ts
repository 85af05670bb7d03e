// The 34 ticker rows of the reference page (31 Jan 2023): symbol, last, change
// as displayed, and the full row text. Figures only; used by tests.

/** Stocks: last and change in rupees. */
export const REFERENCE_STOCK_ROWS: readonly (readonly [string, string, string, string])[] = [
  ['AVN', '64.80', '0.63', 'AVN 64.80 Increased By ▲ 0.63 (0.98%)'],
  ['BAFL', '30.90', '1.00', 'BAFL 30.90 Increased By ▲ 1.00 (3.34%)'],
  ['BOP', '4.73', '0.10', 'BOP 4.73 Increased By ▲ 0.10 (2.16%)'],
  ['CNERGY', '3.87', '-0.02', 'CNERGY 3.87 Decreased By ▼ -0.02 (-0.51%)'],
  ['DFML', '13.44', '0.09', 'DFML 13.44 Increased By ▲ 0.09 (0.67%)'],
  ['DGKC', '41.34', '0.49', 'DGKC 41.34 Increased By ▲ 0.49 (1.2%)'],
  ['EPCL', '46.23', '-0.77', 'EPCL 46.23 Decreased By ▼ -0.77 (-1.64%)'],
  ['FCCL', '11.39', '0.39', 'FCCL 11.39 Increased By ▲ 0.39 (3.55%)'],
  ['FFL', '5.05', '-0.03', 'FFL 5.05 Decreased By ▼ -0.03 (-0.59%)'],
  ['FLYNG', '5.81', '0.04', 'FLYNG 5.81 Increased By ▲ 0.04 (0.69%)'],
  ['GGL', '9.90', '0.15', 'GGL 9.90 Increased By ▲ 0.15 (1.54%)'],
  ['HUBC', '64.06', '2.11', 'HUBC 64.06 Increased By ▲ 2.11 (3.41%)'],
  ['HUMNL', '5.67', '0.02', 'HUMNL 5.67 Increased By ▲ 0.02 (0.35%)'],
  ['KAPCO', '27.83', '0.25', 'KAPCO 27.83 Increased By ▲ 0.25 (0.91%)'],
  ['KEL', '2.13', '-0.02', 'KEL 2.13 Decreased By ▼ -0.02 (-0.93%)'],
  ['LOTCHEM', '24.35', '0.05', 'LOTCHEM 24.35 Increased By ▲ 0.05 (0.21%)'],
  ['MLCF', '21.36', '0.64', 'MLCF 21.36 Increased By ▲ 0.64 (3.09%)'],
  ['NETSOL', '84.43', '1.33', 'NETSOL 84.43 Increased By ▲ 1.33 (1.6%)'],
  ['OGDC', '87.80', '1.75', 'OGDC 87.80 Increased By ▲ 1.75 (2.03%)'],
  ['PAEL', '10.92', '0.12', 'PAEL 10.92 Increased By ▲ 0.12 (1.11%)'],
  ['PIBTL', '4.17', '0.03', 'PIBTL 4.17 Increased By ▲ 0.03 (0.72%)'],
  ['PPL', '77.53', '1.34', 'PPL 77.53 Increased By ▲ 1.34 (1.76%)'],
  ['PRL', '13.65', '-0.01', 'PRL 13.65 Decreased By ▼ -0.01 (-0.07%)'],
  ['SILK', '0.88', '-0.01', 'SILK 0.88 Decreased By ▼ -0.01 (-1.12%)'],
  ['SNGP', '41.75', '1.00', 'SNGP 41.75 Increased By ▲ 1.00 (2.45%)'],
  ['TELE', '5.89', '0.01', 'TELE 5.89 Increased By ▲ 0.01 (0.17%)'],
  ['TPLP', '15.81', '0.16', 'TPLP 15.81 Increased By ▲ 0.16 (1.02%)'],
  ['TRG', '112.65', '2.55', 'TRG 112.65 Increased By ▲ 2.55 (2.32%)'],
  ['UNITY', '13.97', '0.22', 'UNITY 13.97 Increased By ▲ 0.22 (1.6%)'],
  ['WTL', '1.14', '-0.01', 'WTL 1.14 Decreased By ▼ -0.01 (-0.87%)'],
];

/** Indices: displayed value in whole points and change in points (1 decimal). */
export const REFERENCE_INDEX_ROWS: readonly (readonly [string, number, string, string])[] = [
  ['BR100', 4048, '80.6', 'BR100 4,048 Increased By 80.6 (2.03%)'],
  ['BR30', 14467, '282.1', 'BR30 14,467 Increased By 282.1 (1.99%)'],
  ['KSE100', 40673, '801.8', 'KSE100 40,673 Increased By 801.8 (2.01%)'],
  ['KSE30', 15190, '292.7', 'KSE30 15,190 Increased By 292.7 (1.96%)'],
];
