/** A listed company the markets desk writes about; symbols and prices as on the reference ticker. */
export interface ListedCompany {
  readonly symbol: string;
  readonly name: string;
  readonly sector: Sector;
  /** Share price in rupees, for plausible figures in copy. */
  readonly price: number;
}

export type Sector =
  | 'banking'
  | 'cement'
  | 'power'
  | 'exploration'
  | 'refining'
  | 'technology'
  | 'chemicals'
  | 'food'
  | 'autos'
  | 'media'
  | 'property'
  | 'telecom'
  | 'engineering';

export const LISTED_COMPANIES: readonly ListedCompany[] = [
  { symbol: 'AVN', name: 'Avanceon', sector: 'technology', price: 64.8 },
  { symbol: 'BAFL', name: 'Bank Alfalah', sector: 'banking', price: 30.9 },
  { symbol: 'BOP', name: 'Bank of Punjab', sector: 'banking', price: 4.73 },
  { symbol: 'CNERGY', name: 'Cnergyico PK', sector: 'refining', price: 3.87 },
  { symbol: 'DFML', name: 'Dewan Farooque Motors', sector: 'autos', price: 13.44 },
  { symbol: 'DGKC', name: 'D.G. Khan Cement', sector: 'cement', price: 41.34 },
  { symbol: 'EPCL', name: 'Engro Polymer & Chemicals', sector: 'chemicals', price: 46.23 },
  { symbol: 'FCCL', name: 'Fauji Cement', sector: 'cement', price: 11.39 },
  { symbol: 'FFL', name: 'Fauji Foods', sector: 'food', price: 5.05 },
  { symbol: 'FLYNG', name: 'Flying Cement', sector: 'cement', price: 5.81 },
  { symbol: 'HUBC', name: 'Hub Power Company', sector: 'power', price: 64.06 },
  { symbol: 'HUMNL', name: 'Hum Network', sector: 'media', price: 5.67 },
  { symbol: 'KAPCO', name: 'Kot Addu Power Company', sector: 'power', price: 27.83 },
  { symbol: 'KEL', name: 'K-Electric', sector: 'power', price: 2.13 },
  { symbol: 'LOTCHEM', name: 'Lotte Chemical Pakistan', sector: 'chemicals', price: 24.35 },
  { symbol: 'MLCF', name: 'Maple Leaf Cement', sector: 'cement', price: 21.36 },
  { symbol: 'NETSOL', name: 'NetSol Technologies', sector: 'technology', price: 84.43 },
  { symbol: 'OGDC', name: 'Oil & Gas Development Company', sector: 'exploration', price: 87.8 },
  { symbol: 'PAEL', name: 'Pak Elektron', sector: 'engineering', price: 10.92 },
  { symbol: 'PPL', name: 'Pakistan Petroleum', sector: 'exploration', price: 77.53 },
  { symbol: 'PRL', name: 'Pakistan Refinery', sector: 'refining', price: 13.65 },
  { symbol: 'SNGP', name: 'Sui Northern Gas Pipelines', sector: 'exploration', price: 41.75 },
  { symbol: 'TELE', name: 'Telecard', sector: 'telecom', price: 5.89 },
  { symbol: 'TPLP', name: 'TPL Properties', sector: 'property', price: 15.81 },
  { symbol: 'TRG', name: 'TRG Pakistan', sector: 'technology', price: 112.65 },
  { symbol: 'UNITY', name: 'Unity Foods', sector: 'food', price: 13.97 },
  { symbol: 'WTL', name: 'WorldCall Telecom', sector: 'telecom', price: 1.14 },
];

/** Index heavyweights the session reports name most often. */
export const HEAVYWEIGHT_SYMBOLS: readonly string[] = ['OGDC', 'HUBC', 'PPL', 'TRG', 'KEL', 'BAFL', 'MLCF', 'SNGP'];

/** How copy names a sector's shares ("cement stocks"). */
export const SECTOR_WORDS: Readonly<Record<Sector, string>> = {
  banking: 'banking',
  cement: 'cement',
  power: 'power generation',
  exploration: 'oil and gas',
  refining: 'refinery',
  technology: 'technology',
  chemicals: 'chemical',
  food: 'food',
  autos: 'automobile',
  media: 'media',
  property: 'property',
  telecom: 'telecom',
  engineering: 'engineering',
};

/** Reporters of the Karachi and Islamabad newsrooms (invented). */
export const STAFF_REPORTERS = [
  'Amna Rafiq',
  'Faraz Haider',
  'Saima Chaudhry',
  'Imtiaz Baloch',
  'Hina Durrani',
  'Kamran Yousafzai',
  'Nadia Memon',
  'Usman Khattak',
  'Rabia Anwar',
  'Shahzeb Mirza',
  'Zoya Hamid',
  'Adeel Siddiqui',
  'Mehreen Jatoi',
  'Bilal Afridi',
] as const;

/** Desk bylines, for copy written by the desk as a whole. */
export const DESK_BYLINES = ['Broadsheet Report', 'Web Desk', 'Broadsheet Web Desk'] as const;

/** Opinion writers (invented). */
export const COLUMNISTS = [
  'Dr Farhan Sheikh',
  'Ayesha Kardar',
  'Salman Naqvi',
  'Tariq Lodhi',
  'Maheen Abbasi',
  'Junaid Qazi',
] as const;

/** Research houses analysts speak for (invented). */
export const BROKERAGES = [
  'Indus Crest Securities',
  'Margalla Capital',
  'Clifton Equities',
  'Ravi Securities',
  'Seaview Brokerage',
  'Khyber Capital Markets',
  'Saddar Research',
] as const;

/** Analysts and economists quoted in copy (invented). */
export const ANALYSTS = [
  'Sadia Rehman',
  'Omer Farooqui',
  'Hassan Jaffri',
  'Nimra Aslam',
  'Waqas Bhatti',
  'Fatima Zuberi',
  'Asad Kazmi',
  'Rehan Malik',
] as const;

export const ANALYST_ROLES = [
  'head of research at',
  'an equity strategist at',
  'chief economist at',
  'a senior analyst at',
  'director of investments at',
] as const;

/** Day parts copy uses for timing ("in early trade"). */
export const SESSION_MOMENTS = [
  'in early trade',
  'by the midday break',
  'in the final hour',
  'soon after the opening bell',
  'in late dealings',
] as const;
