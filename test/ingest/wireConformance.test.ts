import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseWireFile } from '../../src/ingest/wire/parseWireFile.js';
import type { WireItem } from '../../src/ingest/wire/wireItem.js';
import type { Block } from '../../src/news/article.js';
import { CONFORMANCE_DIR } from '../support/xmlSchemas.js';

// Every file of IPTC's official examples, each with what the newsroom must see in it, written by reading the file.
// A file either ingests with these values or is refused as "not a news item"; a file missing here fails the test.
const CONFORMANCE = CONFORMANCE_DIR;
const NOT_NEWS = 'not a news item';

interface Expected {
  readonly headline: string;
  readonly bylines: readonly string[];
  readonly dateline: { readonly place: string | null; readonly text: string } | null;
  readonly firstCreated: string | null;
  readonly versionCreated: string | null;
  /** `scheme:code|name`, empty parts for nulls. */
  readonly subjects: readonly string[];
  /** Block count, the start of the first block's text and the end of the last one's. */
  readonly body: { readonly blocks: number; readonly first: string; readonly last: string };
}

const EXPECTED: Readonly<Record<string, Expected | typeof NOT_NEWS>> = {
  'ninjs/examples/1.4/ninjs-1-4-examples.json': {
    headline: 'Test of three new properties',
    bylines: [],
    dateline: null,
    firstCreated: '2022-04-21T12:34:56.000Z',
    versionCreated: null,
    subjects: [],
    body: { blocks: 1, first: 'Extensible description test', last: 'Extensible description test' },
  },
  'ninjs/examples/1.4/ninjsExComplex1.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [
      'person:http://www.freebase.com/m/0hzcydt|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/1.4/ninjsExComplex2.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:39:00.000Z',
    subjects: [
      'person:http://www.freebase.com/m/0hzcydt|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/1.4/ninjsExMediumText1.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [
      'person:http://www.freebase.com/m/0hzcydt|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/1.4/ninjsExSimplePhoto1.json': {
    headline: 'Costa Concordia cruise ship',
    bylines: ['Paulo Santalucia'],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-08T08:12:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'The Costa Concordia cruise ship lies on its side i',
      last: '00 people from the listing vessel early.',
    },
  },
  'ninjs/examples/1.4/ninjsExSimpleText1.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-1.6/001_simple_example.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-1.6/002_renditions_example.json': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: null,
    subjects: [],
    body: { blocks: 1, first: '...', last: '...' },
  },
  'ninjs/examples/guidelines-1.6/003_associations_example.json': {
    headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-05-16T04:01:00.000Z',
    subjects: [],
    body: { blocks: 1, first: '[ ... ]', last: '[ ... ]' },
  },
  'ninjs/examples/guidelines-1.6/004_simple_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-1.6/005_complex_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-1.6/006_photo_only.json': {
    headline: 'Costa Concordia cruise ship',
    bylines: ['Paulo Santalucia'],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-08T08:12:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'The Costa Concordia cruise ship lies on its side i',
      last: '00 people from the listing vessel early.',
    },
  },
  'ninjs/examples/guidelines-1.6/007_multimedia.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:39:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-2.2/001_simple_example.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-2.2/002_renditions_example.json': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: null,
    subjects: [],
    body: { blocks: 1, first: '...', last: '...' },
  },
  'ninjs/examples/guidelines-2.2/003_associations_example.json': {
    headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-05-16T04:01:00.000Z',
    subjects: [],
    body: { blocks: 1, first: '[ ... ]', last: '[ ... ]' },
  },
  'ninjs/examples/guidelines-2.2/004_simple_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-2.2/005_complex_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-2.2/006_photo_only.json': {
    headline: 'Costa Concordia cruise ship',
    bylines: ['Paulo Santalucia'],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-08T08:12:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'The Costa Concordia cruise ship lies on its side i',
      last: '00 people from the listing vessel early.',
    },
  },
  'ninjs/examples/guidelines-2.2/007_multimedia.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:39:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-3.1/001_simple_example.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-3.1/002_renditions_example.json': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: null,
    subjects: [],
    body: { blocks: 1, first: '...', last: '...' },
  },
  'ninjs/examples/guidelines-3.1/003_associations_example.json': {
    headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-05-16T04:01:00.000Z',
    subjects: [],
    body: { blocks: 1, first: '[ ... ]', last: '[ ... ]' },
  },
  'ninjs/examples/guidelines-3.1/004_simple_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-3.1/005_complex_text_article.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:37:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-3.1/006_photo_only.json': {
    headline: 'Costa Concordia cruise ship',
    bylines: ['Paulo Santalucia'],
    dateline: null,
    firstCreated: null,
    versionCreated: '2013-07-08T08:12:00.000Z',
    subjects: [],
    body: {
      blocks: 1,
      first: 'The Costa Concordia cruise ship lies on its side i',
      last: '00 people from the listing vessel early.',
    },
  },
  'ninjs/examples/guidelines-3.1/007_multimedia.json': {
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    bylines: ["Paulo Santalucia and Frances d'Emilio"],
    dateline: { place: 'Grossetto, Italy', text: 'Grossetto, Italy' },
    firstCreated: null,
    versionCreated: '2013-07-09T10:39:00.000Z',
    subjects: [
      'person:http://www.wikidata.org/entity/Q4421821|Francesco Schettino',
      'organisation:|Costa Crociere SpA',
      'place:|Grossetto',
      'place:|Tuscany',
      'place:http://cvx.iptc.org/iso3166-1a2/it|Italy',
    ],
    body: {
      blocks: 4,
      first: 'GROSSETO, Italy (AP) -- The trial of the captain o',
      last: 'psized. Schettino has denied wrongdoing.',
    },
  },
  'ninjs/examples/guidelines-3.1/008_event.json': NOT_NEWS,
  'newsml-g2/examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_13_Complete_Catalog_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_14_Event_sent_as_a_Concept_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_18_Planning_Item_at_PCL.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_19_Planning_Item_with_delivery_at_CCL.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml': {
    headline: 'Fed to halt QE to avert "bubble"',
    bylines: ['Meredith Jameson'],
    dateline: { place: 'Berlin', text: 'Berlin' },
    firstCreated: '2016-10-18T18:12:21.000Z',
    versionCreated: '2018-10-21T21:25:32.000Z',
    subjects: ['medtop:04000000|economy, business and finance', 'medtop:20000523|labour market'],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/LISTING_20_Planning_Item_with_delivery_at_PCL.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_21_A_complete_sample_SportsML-G2_document.xml': {
    headline:
      "Troy Tulowitzki singled to third and advanced to second on Martin Prado's throwing error. Runner on second with one out and Carlos Gonzalez due up.",
    bylines: ['The Sports Network, Inc.'],
    dateline: { place: 'Philadelphia', text: 'Philadelphia' },
    firstCreated: '2015-06-06T04:59:42.000Z',
    versionCreated: '2015-06-06T04:59:42.000Z',
    subjects: [
      ':2015|',
      'spct:season-regular|',
      'subj:15000000|sport',
      'subj:15007000|Baseball',
      'vendleague:l.mlb.com|Major League Baseball',
      'vendconf:l.mlb.com-c.national|National',
      'vendevent:l.mlb.com-2015-e.43710|',
      'vendteam:l.mlb.com-t.16|Miami Marlins',
      'vendteam:l.mlb.com-t.27|Colorado Rockies',
    ],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml': {
    headline: 'Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.',
    bylines: ['The Sports Network'],
    dateline: { place: 'Philadelphia', text: 'Philadelphia' },
    firstCreated: '2016-10-19T16:15:00.000Z',
    versionCreated: '2018-10-19T15:45:00.000Z',
    subjects: [
      'medtop:20000822|sport',
      'medtop:20000849|Baseball',
      'league:l.mlb.com|Major League Baseball',
      'conf:l.mlb.com-c.national|National',
      'event:l.mlb.com-2016-e.19358|',
      'team:l.mlb.com-t.19|Philadelphia Phillies',
      'team:l.mlb.com-t.26|Arizona Diamondbacks',
      'person:l.mlb.com-p.456|Doug Davis',
      'person:l.mlb.com-p.123|Freddy Garcia',
    ],
    body: {
      blocks: 6,
      first: '(Sports Network) - A pair of teams coming off big ',
      last: 'a has gone 0-2 over his last six starts.',
    },
  },
  'newsml-g2/examples/LISTING_23_SportsML-G2_Package.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml': {
    headline:
      'A firefighter walks past the remains of a military jet that crashed into homes in the University City neighborhood of San Bernardino',
    bylines: ['John Smith'],
    dateline: null,
    firstCreated: '2008-12-09T01:30:00.000Z',
    versionCreated: '2018-10-19T02:20:00.000Z',
    subjects: [':int001|'],
    body: {
      blocks: 1,
      first: 'A firefighter in a flameproof suit walks past the ',
      last: 'iting at least one home, officials said.',
    },
  },
  'newsml-g2/examples/LISTING_27_Company_Financial_Information.xml': {
    headline: 'Acme Widgets announces annual results',
    bylines: [],
    dateline: null,
    firstCreated: '2016-10-19T13:15:00.000Z',
    versionCreated: '2018-10-19T14:23:00.000Z',
    subjects: [':Acme Widget|Acme Widget Sales Inc'],
    body: {
      blocks: 1,
      first: 'Acme Widgets (XTSE:AWG), a leader in the productio',
      last: 'd a six per cent increase in profits....',
    },
  },
  'newsml-g2/examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_29_Hop_History.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2018-10-19T20:15:00.000Z',
    subjects: [],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml': {
    headline: 'Fed to halt QE to avert "bubble"',
    bylines: ['Meredith Jameson'],
    dateline: { place: 'New York, NY', text: 'New York, NY' },
    firstCreated: '2016-11-21T20:21:06.000Z',
    versionCreated: '2018-11-21T21:25:32.000Z',
    subjects: [
      'medtop:04000000|economy, business and finance',
      'medtop:20000350|central bank',
      'medtop:20000379|money and monetary policy',
    ],
    body: {
      blocks: 2,
      first: '(New York, NY - October 21) Et, sent luptat luptat',
      last: 'erili quismodion esto cons dolutpat, si.',
    },
  },
  'newsml-g2/examples/LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml': {
    headline: 'Variety Of Recessionary Forces Leave Las Vegas Economy Scarred',
    bylines: ['Spencer Platt'],
    dateline: null,
    firstCreated: '2010-10-20T20:58:00.000Z',
    versionCreated: '2018-10-12T06:42:04.000Z',
    subjects: [
      'gyimeid:104530187|',
      'medtop:20000523|labour market',
      'medtop:20000533|unemployment',
      ':|Las Vegas Boulevard',
      'gycon:89109|Las Vegas',
    ],
    body: {
      blocks: 1,
      first: 'A general view of part of downtown, including Las ',
      last: 'n. (Photo by Spencer Platt/Getty Images)',
    },
  },
  'newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml': {
    headline: 'Variety Of Recessionary Forces Leave Las Vegas Economy Scarred',
    bylines: ['Spencer Platt'],
    dateline: null,
    firstCreated: '2010-10-20T20:58:00.000Z',
    versionCreated: '2018-10-12T06:42:04.000Z',
    subjects: [
      'gyimeid:104530187|',
      'medtop:20000523|labour market',
      'medtop:20000533|unemployment',
      ':|Las Vegas Boulevard',
      'gycon:89109|Las Vegas',
    ],
    body: {
      blocks: 1,
      first: 'A general view of part of downtown, including Las ',
      last: 'n. (Photo by Spencer Platt/Getty Images)',
    },
  },
  'newsml-g2/examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: '2014-01-30T13:29:38.000Z',
    versionCreated: '2018-10-31T10:37:23.000Z',
    subjects: [],
    body: {
      blocks: 2,
      first: '- Amir Hussein Abdullahian, Iranian foreign minist',
      last: 'ooperate and coordinate to deliver aid."',
    },
  },
  'newsml-g2/examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml': {
    headline: 'Loriot retrospective',
    bylines: ['Zweites Deutsches Fernsehen', 'Reuters Television Ltd'],
    dateline: { place: 'Berlin', text: 'Berlin' },
    firstCreated: '2008-11-06T10:22:28.000Z',
    versionCreated: '2018-10-19T10:54:04.000Z',
    subjects: ['medtop:01000000|Arts, Culture and Entertainment'],
    body: {
      blocks: 12,
      first: 'Yesterday evening (November 5) an exhibition opene',
      last: ' Loriot. That\'s the way I would say it."',
    },
  },
  'newsml-g2/examples/LISTING_6_Simple_NewsML-G2_Package.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml': NOT_NEWS,
  'newsml-g2/examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml': NOT_NEWS,
  'newsml-g2/examples/NewsML-G2_2.24-spec-All-Core.xsd': NOT_NEWS,
  'newsml-g2/examples/NewsML-G2_2.35-spec-All-Power.xsd': NOT_NEWS,
  'newsml-g2/examples/Receiver_View.xml': {
    headline: 'Fed to halt QE to avert "bubble"',
    bylines: ['Meredith Jameson'],
    dateline: { place: 'New York, NY', text: 'New York, NY' },
    firstCreated: '2016-11-21T20:21:06.000Z',
    versionCreated: '2018-11-21T21:25:32.000Z',
    subjects: [
      'medtop:04000000|economy, business and finance',
      'medtop:20000350|central bank',
      'medtop:20000379|money and monetary policy',
    ],
    body: {
      blocks: 2,
      first: '(New York, NY - November 21) Et, sent luptat lupta',
      last: 'lobor eetuer ercin utpatio dolorpercing.',
    },
  },
  'newsml-g2/examples/ap_metadata_example.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2022-04-08T12:00:00.000Z',
    subjects: [
      'apgeography:2f6e294082b310048474df092526b43e|Kentucky',
      'apperson:4e7a7c0fdad04d8880888ae63a083c36|Keegan Murray',
      'apcompany:b406375ae52c4b41b8bdd341760f2768|Volkswagen AG',
    ],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/facet-example-2.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2020-02-04T12:00:00.000Z',
    subjects: ['medtop:20001071|swimming', 'aspfacetvalue:breaststroke|breaststroke', 'aspfacetvalue:women|women'],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/facet-example-3.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2020-02-04T12:00:00.000Z',
    subjects: [
      'medtop:20001071|swimming',
      ':http://cv.iptc.org/newscodes/asportfacetvalue/breaststroke|breaststroke',
      ':|200m',
      ':http://cv.iptc.org/newscodes/asportfacetvalue/women|women',
      ':|1',
    ],
    body: { blocks: 1, first: 'Content goes here...', last: 'Content goes here...' },
  },
  'newsml-g2/examples/facet-example.xml': {
    headline: '(no headline)',
    bylines: [],
    dateline: null,
    firstCreated: null,
    versionCreated: '2020-02-04T12:00:00.000Z',
    subjects: [
      'medtop:20001057|alpine skiing',
      'aspfacetvalue:women|women',
      'aspfacetvalue:slalom-alpineskiing|alpine skiing slalom',
    ],
    body: { blocks: 0, first: '', last: '' },
  },
  'newsml-g2/examples/nitf-3-6-ruby-include.xsd': NOT_NEWS,
  'newsml-g2/examples/nitf-3-6.xsd': NOT_NEWS,
  'newsml-g2/examples/xml.xsd': NOT_NEWS,
};

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

function blockText(block: Block): string {
  if (block.type === 'list') return block.items.map((item) => item.text).join(' / ');
  return 'text' in block ? block.text : block.type;
}

function observed(item: WireItem): Expected {
  const texts = item.body.map(blockText);
  return {
    headline: item.headline,
    bylines: item.bylines,
    dateline: item.dateline === null ? null : { place: item.dateline.place, text: item.dateline.text },
    firstCreated: item.firstCreated?.toISOString() ?? null,
    versionCreated: item.versionCreated?.toISOString() ?? null,
    subjects: item.subjects.map((subject) => `${subject.scheme ?? ''}:${subject.code ?? ''}|${subject.name ?? ''}`),
    body: { blocks: texts.length, first: (texts[0] ?? '').slice(0, 50), last: (texts.at(-1) ?? '').slice(-40) },
  };
}

const examples = [...files(join(CONFORMANCE, 'ninjs/examples')), ...files(join(CONFORMANCE, 'newsml-g2/examples'))];

describe('IPTC conformance examples', () => {
  it('has an expectation for every example file and no other', () => {
    const found = examples.map((file) => relative(CONFORMANCE, file)).sort();
    assert.deepEqual(found, Object.keys(EXPECTED).sort());
    assert.ok(examples.length >= 60, `only ${examples.length} examples found in ${CONFORMANCE}`);
  });

  for (const file of examples) {
    const name = relative(CONFORMANCE, file);
    it(name, () => {
      const expected = EXPECTED[name];
      assert.ok(expected !== undefined, `no expectation written for ${name}`);
      const result = parseWireFile(new Uint8Array(readFileSync(file)), name);
      if (expected === NOT_NEWS) {
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.reason, /^Not a news item/);
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.equal(result.items.length, 1);
      const item = result.items[0] as WireItem;
      assert.deepEqual(observed(item), expected);
      assert.ok(item.agencyId !== '', 'every news item keeps its id');
    });
  }

  it('takes the renditions example despite its invalid uri, with a warning', () => {
    for (const version of ['guidelines-1.6', 'guidelines-2.2', 'guidelines-3.1']) {
      const result = parseWireFile(
        readFileSync(join(CONFORMANCE, 'ninjs/examples', version, '002_renditions_example.json')),
        'x',
      );
      assert.ok(result.ok);
      const item = result.items[0] as WireItem;
      assert.equal(item.agencyId, 'renditions-example');
      assert.ok(item.warnings.some((warning) => warning.includes('not a valid URI')));
      assert.equal(item.images[0]?.href, 'http://mms.businesswire.com/media/newsItemId/en/221373/5/dell_blue_rgb.jpg');
    }
  });

  it('reads a NewsML-G2 file that declares ISO-8859-1 but is UTF-8 as UTF-8, with a warning', () => {
    const result = parseWireFile(
      readFileSync(join(CONFORMANCE, 'newsml-g2/examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml')),
      'x',
    );
    assert.ok(result.ok);
    const item = result.items[0] as WireItem;
    assert.ok(item.body.some((block) => blockText(block).includes('Vicco von Bülow')));
    assert.ok(item.warnings.some((warning) => warning.includes('is UTF-8')));
  });

  it('keeps version, agency, status, language, urgency, keywords and pictures of G2 items', () => {
    const photo = parseWireFile(
      readFileSync(
        join(CONFORMANCE, 'newsml-g2/examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml'),
      ),
      'x',
    );
    assert.ok(photo.ok);
    const item = photo.items[0] as WireItem;
    assert.equal(item.version, 11);
    assert.equal(item.urgency, 4);
    assert.equal(item.slugline, 'USA-CRASH/MILITARY');
    assert.deepEqual(item.keywords, ['us', 'military', 'aviation', 'crash', 'fire']);
    assert.equal(
      item.images[0]?.href,
      'http://www.acmenews.com/content/pictures/hires/20081208/USA-CRASH-MILITARY_001_HI.jpg',
    );
    assert.equal(item.images[0]?.credit, 'Acme/John Smith');
    assert.equal(item.images[0]?.width, 2500);
    assert.match(item.images[0]?.caption ?? '', /^A firefighter in a flameproof suit/);
    const text = parseWireFile(
      readFileSync(join(CONFORMANCE, 'newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml')),
      'x',
    );
    assert.ok(text.ok);
    const story = text.items[0] as WireItem;
    assert.equal(story.agency, 'Reuters');
    assert.equal(story.status, 'usable');
    assert.equal(story.language, 'en-GB');
    assert.equal(story.agencyId, 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED');
    const afp = parseWireFile(
      readFileSync(join(CONFORMANCE, 'newsml-g2/examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml')),
      'x',
    );
    assert.ok(afp.ok);
    assert.equal(afp.items[0]?.agency, 'AFP');
  });
});
