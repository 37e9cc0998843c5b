/**
 * Names of major news outlets, by the registrable domain of their web site and by the short tag a wire
 * story opens with. Written by hand from the outlets' own sites: a page of `theguardian.com` is The
 * Guardian's whatever its metadata says, and a domain alone ("theguardian.com") is a poor name to show.
 * An outlet missing here is still named, by its domain.
 * @packageDocumentation
 */

/** Outlets by registrable domain (lower case, without `www.`). */
export const OUTLETS_BY_DOMAIN: ReadonlyMap<string, string> = new Map([
  ['abc.net.au', 'ABC News (Australia)'],
  ['abcnews.go.com', 'ABC News'],
  ['afp.com', 'AFP'],
  ['aljazeera.com', 'Al Jazeera'],
  ['apnews.com', 'The Associated Press'],
  ['axios.com', 'Axios'],
  ['bbc.co.uk', 'BBC News'],
  ['bbc.com', 'BBC News'],
  ['bloomberg.com', 'Bloomberg'],
  ['breitbart.com', 'Breitbart'],
  ['businessinsider.com', 'Business Insider'],
  ['cbc.ca', 'CBC News'],
  ['cbsnews.com', 'CBS News'],
  ['channelnewsasia.com', 'CNA'],
  ['cnbc.com', 'CNBC'],
  ['cnn.com', 'CNN'],
  ['dailymail.co.uk', 'Daily Mail'],
  ['dw.com', 'DW'],
  ['economist.com', 'The Economist'],
  ['euronews.com', 'Euronews'],
  ['foxnews.com', 'Fox News'],
  ['france24.com', 'France 24'],
  ['ft.com', 'Financial Times'],
  ['huffpost.com', 'HuffPost'],
  ['independent.co.uk', 'The Independent'],
  ['koreaherald.com', 'The Korea Herald'],
  ['koreatimes.co.kr', 'The Korea Times'],
  ['latimes.com', 'Los Angeles Times'],
  ['msnbc.com', 'MSNBC'],
  ['nbcnews.com', 'NBC News'],
  ['newsweek.com', 'Newsweek'],
  ['nknews.org', 'NK News'],
  ['npr.org', 'NPR'],
  ['nypost.com', 'New York Post'],
  ['nytimes.com', 'The New York Times'],
  ['politico.com', 'Politico'],
  ['reuters.com', 'Reuters'],
  ['scmp.com', 'South China Morning Post'],
  ['sky.com', 'Sky News'],
  ['straitstimes.com', 'The Straits Times'],
  ['telegraph.co.uk', 'The Telegraph'],
  ['theatlantic.com', 'The Atlantic'],
  ['theguardian.com', 'The Guardian'],
  ['thehill.com', 'The Hill'],
  ['thetimes.co.uk', 'The Times'],
  ['time.com', 'TIME'],
  ['usatoday.com', 'USA Today'],
  ['vox.com', 'Vox'],
  ['washingtonpost.com', 'The Washington Post'],
  ['washingtontimes.com', 'The Washington Times'],
  ['wsj.com', 'The Wall Street Journal'],
  ['yna.co.kr', 'Yonhap'],
]);

/**
 * Wire agencies by the tag that opens their copy ("(Reuters) -", "(AP) —"), lower case. A tag not listed
 * here is still read when it looks like a name; this table gives the agencies' usual names.
 */
export const WIRE_TAGS: ReadonlyMap<string, string> = new Map([
  ['aap', 'AAP'],
  ['afp', 'AFP'],
  ['ani', 'ANI'],
  ['ap', 'The Associated Press'],
  ['associated press', 'The Associated Press'],
  ['bernama', 'Bernama'],
  ['bloomberg', 'Bloomberg'],
  ['cnn', 'CNN'],
  ['dpa', 'dpa'],
  ['efe', 'EFE'],
  ['ians', 'IANS'],
  ['kyodo', 'Kyodo News'],
  ['pa', 'PA Media'],
  ['pti', 'PTI'],
  ['reuters', 'Reuters'],
  ['upi', 'UPI'],
  ['xinhua', 'Xinhua'],
  ['yonhap', 'Yonhap'],
]);

/**
 * Second-level labels under which a country's sites register ("bbc.co.uk", "abc.net.au"): the
 * registrable domain then has three labels. No public-suffix list is installed; these cover the
 * countries whose outlets use such names.
 */
export const SECOND_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  'ac.uk',
  'co.uk',
  'gov.uk',
  'org.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.kr',
  'or.kr',
  'com.sg',
  'com.my',
  'com.hk',
  'com.cn',
  'com.tw',
  'co.in',
  'co.za',
  'com.br',
  'com.ar',
  'com.mx',
  'com.tr',
  'co.il',
  'com.pk',
  'com.ng',
  'co.ke',
  'com.ph',
]);
