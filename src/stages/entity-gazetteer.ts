import type { EntityType } from '../model/index.js';

/*
 * A small hand-written gazetteer and cue lexicon for the rule-based mention tagger. Written by hand
 * because the NER libraries measured (compromise, wink-ner) cost 30x the per-article budget, and the
 * lists they ship are not separable from their taggers. Lists hold lower-cased, normalised forms.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(/[|\n]/)
      .map((word) => word.trim())
      .filter((word) => word.length > 0),
  );
}

/** Countries, regions and major cities, as normalised names (`normalizeName`). */
export const PLACES: ReadonlySet<string> = words(`
afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|
belgium|bolivia|bosnia|brazil|bulgaria|burma|cambodia|cameroon|canada|chad|chile|china|colombia|congo|croatia|
cuba|cyprus|czech republic|czechia|denmark|ecuador|egypt|eritrea|estonia|ethiopia|finland|france|georgia|germany|
ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|
japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|libya|lithuania|luxembourg|
malaysia|mali|malta|mexico|moldova|mongolia|montenegro|morocco|mozambique|myanmar|nepal|netherlands|the netherlands|
new zealand|nicaragua|niger|nigeria|north korea|south korea|korea|norway|oman|pakistan|palestine|panama|
paraguay|peru|philippines|poland|portugal|qatar|romania|russia|russian federation|rwanda|saudi arabia|senegal|
serbia|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|sweden|switzerland|
syria|taiwan|tajikistan|tanzania|thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|
united kingdom|united states|united states of america|uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|
britain|great britain|england|scotland|wales|gaza|west bank|crimea|donbas|siberia|europe|asia|africa|
east asia|middle east|latin america|north america|south america|antarctica|arctic|korean peninsula|
moscow|st petersburg|vladivostok|artyom|pyongyang|seoul|busan|beijing|shanghai|ningbo|hong kong|tokyo|osaka|
washington|new york|los angeles|chicago|london|paris|berlin|rome|madrid|kyiv|kiev|kharkiv|odesa|minsk|warsaw|
vienna|brussels|amsterdam|the hague|geneva|zurich|stockholm|oslo|helsinki|copenhagen|dublin|lisbon|athens|
ankara|istanbul|tehran|baghdad|damascus|beirut|jerusalem|tel aviv|cairo|riyadh|dubai|abu dhabi|doha|delhi|
new delhi|mumbai|karachi|islamabad|kabul|dhaka|bangkok|hanoi|jakarta|manila|sydney|canberra|ottawa|toronto|
mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|nairobi|lagos|johannesburg|tbilisi|
baku|yerevan|tashkent|astana|ulaanbaatar|taipei|sochi|kazan|novosibirsk|khabarovsk|rason|dandong|
america|texas|california|florida|georgia|arizona|nevada|ohio|michigan|pennsylvania|virginia|west virginia|
wisconsin|minnesota|iowa|new york city|new jersey|massachusetts|illinois|louisiana|mississippi|alabama|
tennessee|kentucky|missouri|colorado|oregon|utah|alaska|hawaii|oklahoma|kansas|nebraska|montana|idaho|
north carolina|south carolina|north dakota|south dakota|arkansas|indiana|maryland|delaware|connecticut|
maine|vermont|new hampshire|rhode island|new mexico|wyoming|puerto rico|guam|capitol hill|wall street|
capitol|us capitol|manhattan|brooklyn|queens|bronx|miami|minneapolis|hollywood|new orleans|new england|
san francisco|seattle|boston|atlanta|houston|dallas|phoenix|philadelphia|detroit|baltimore|denver|
caribbean|pacific|atlantic|el salvador|gaza strip|kandahar|herat|mazar i sharif|
`);

/** Places written as acronyms. */
export const PLACE_ACRONYMS: ReadonlySet<string> = words('us|usa|uk|uae|dprk|rok|prc|ussr|drc|dc');

/**
 * Organisations written as acronyms or single names that carry no suffix. Name keys are spelling-folded
 * (`foldSpelling`: "rolling" → "roling"), so a name a fold changes is listed in both forms.
 */
export const KNOWN_ORGANIZATIONS: ReadonlySet<string> = words(`
kremlin|pentagon|white house|reuters|yonhap|sputnik|tass|ria novosti|interfax|kcna|afp|ap|bbc|cnn|nato|un|
united nations|eu|european union|imf|iaea|who|opec|asean|g7|g20|telegram|chosun ilbo|nk news|korea herald|
xinhua|congress|senate|parliament|duma|state duma|kyodo|independent|the independent|guardian|the guardian|
facebook|twitter|google|apple|amazon|microsoft|meta|youtube|instagram|tiktok|netflix|tesla|spacex|uber|
pfizer|moderna|biontech|astrazeneca|johnson & johnson|novavax|boeing|walmart|exxon|chevron|goldman sachs|
fox news|msnbc|nbc|cbs|abc|npr|pbs|politico|axios|bloomberg|cnbc|the hill|breitbart|vox|
fbi|cia|nsa|cdc|fda|nih|epa|irs|doj|dhs|sec|ftc|fcc|faa|ice|gop|dnc|rnc|supreme court|
taliban|hamas|hezbollah|isis|isis k|al qaeda|house|us house|house of representatives|treasury|federal reserve|
fed|border patrol|centers for disease control and prevention|food and drug administration|newsweek|
immigration and customs enforcement|customs and border protection|national institutes of health|
planned parenthood|al jazeera|intercept|the intercept|lancet|the lancet|whatsapp|snapchat|merck|j&j|
legislature|secret service|pfizer biontech|johnson johnson|jj|joint chiefs|joint chiefs of staff|us senate|
rolling stone|roling stone|
`);

/** Last words that make a name an organisation. */
export const ORGANIZATION_SUFFIXES: ReadonlySet<string> = words(`
agency|ministry|council|committee|party|news|centre|center|studies|bank|inc|corp|corporation|ltd|llc|plc|
group|institute|university|department|office|commission|association|society|union|league|court|assembly|
army|navy|forces|command|service|services|foundation|fund|company|times|post|journal|herald|daily|tribune|
network|media|press|broadcasting|television|radio|airlines|motors|organization|organisation|board|bureau|
authority|academy|college|school|hospital|federation|alliance|front|movement|club|police|guard|ilbo|
archive|lab|labs|laboratory|laboratories|administration|caucus|institutes|centers|division|enforcement|
protection|prevention|magazine|robotics|systems|technologies|technology|industries|holdings|partners|
pharmaceuticals|pharma|therapeutics|biosciences|energy|airways|railways|software|solutions|ventures|
capital|brands|foods|studios|entertainment|insurance|securities|logistics|courier|gazette|chronicle|
inquirer|telegraph|examiner|ferries|shipping|cruises|transit|transport|haulage|trust|
`);

/** First words that make "X of Y" an organisation ("Ministry of Defence", "Bank of Korea"). */
export const ORGANIZATION_HEADS: ReadonlySet<string> = words(`
ministry|bank|council|committee|centre|center|institute|university|department|office|commission|
association|society|union|league|court|academy|college|school|board|bureau|federation|house|
centers|institutes|division|administration|
`);

/** Last words that make a name a place. */
export const PLACE_SUFFIXES: ReadonlySet<string> = words(`
cosmodrome|airport|station|province|region|island|islands|peninsula|sea|ocean|river|mountains|mountain|
city|square|street|avenue|county|state|district|valley|bay|strait|lake|port|harbour|harbor|oblast|krai|
road|quay|wharf|pier|point|bridge|tunnel|highway|motorway|boulevard|crescent|terrace|cove|creek|beach|
coast|village|estuary|headland|
`);

/** Car and vehicle makers: a name starting with one is a product. */
export const CAR_BRANDS: ReadonlySet<string> = words(`
aurus|mercedes|mercedes benz|mercedes maybach|maybach|benz|rolls royce|rolls|bentley|lexus|toyota|bmw|audi|
porsche|ferrari|lamborghini|maserati|jaguar|land rover|range rover|cadillac|lincoln|chevrolet|ford|tesla|
volkswagen|volvo|hyundai|kia|genesis|nissan|honda|mazda|subaru|mitsubishi|lada|zis|zil|gaz|uaz|kamaz|
hongqi|byd|geely|peugeot|renault|citroen|fiat|alfa romeo|aston martin|mclaren|bugatti|hummer|jeep|
`);

/** Demonyms and nationality adjectives; leading ones are stripped from names ("Russian President …"). */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ['russian', 'Russia'],
  ['soviet', 'Soviet Union'],
  ['north korean', 'North Korea'],
  ['south korean', 'South Korea'],
  ['korean', 'Korea'],
  ['chinese', 'China'],
  ['japanese', 'Japan'],
  ['american', 'United States'],
  ['british', 'United Kingdom'],
  ['french', 'France'],
  ['german', 'Germany'],
  ['italian', 'Italy'],
  ['spanish', 'Spain'],
  ['ukrainian', 'Ukraine'],
  ['belarusian', 'Belarus'],
  ['iranian', 'Iran'],
  ['iraqi', 'Iraq'],
  ['syrian', 'Syria'],
  ['israeli', 'Israel'],
  ['palestinian', 'Palestine'],
  ['turkish', 'Turkey'],
  ['indian', 'India'],
  ['pakistani', 'Pakistan'],
  ['afghan', 'Afghanistan'],
  ['saudi', 'Saudi Arabia'],
  ['emirati', 'United Arab Emirates'],
  ['egyptian', 'Egypt'],
  ['vietnamese', 'Vietnam'],
  ['thai', 'Thailand'],
  ['dutch', 'Netherlands'],
  ['polish', 'Poland'],
  ['swedish', 'Sweden'],
  ['finnish', 'Finland'],
  ['norwegian', 'Norway'],
  ['danish', 'Denmark'],
  ['swiss', 'Switzerland'],
  ['austrian', 'Austria'],
  ['greek', 'Greece'],
  ['canadian', 'Canada'],
  ['mexican', 'Mexico'],
  ['brazilian', 'Brazil'],
  ['australian', 'Australia'],
  ['european', 'Europe'],
  ['asian', 'Asia'],
  ['east asian', 'East Asia'],
  ['african', 'Africa'],
  ['western', 'West'],
  ['eastern', 'East'],
  ['northern', 'North'],
  ['southern', 'South'],
  ['international', 'World'],
]);

/** Capitalised titles that precede a person's name and are not part of it. */
export const PERSON_TITLES: ReadonlySet<string> = words(`
president|vice|prime|minister|premier|chancellor|king|queen|prince|princess|emperor|pope|general|gen|
admiral|colonel|captain|lieutenant|sergeant|secretary|senator|sen|governor|gov|mayor|chairman|chairwoman|
chair|leader|supreme|spokesman|spokeswoman|spokesperson|ambassador|judge|justice|foreign|defence|defense|
deputy|first|lady|marshal|comrade|chief|commander|director|envoy|official|representative|rep|speaker|
sheikh|crown|dictator|finance|interior|state|head|lt|col|sgt|capt|adm|maj|rev|prof|pres|sec|amb|supt|
attorney|commissioner|superintendent|sheriff|senators|sens|reps|representatives|governors|mp|
`);

/** Abbreviated titles whose full stop belongs to the name that follows ("Sen. Capito", "Gov. Noem"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = words(
  'sen|rep|gov|gen|lt|col|sgt|capt|adm|maj|rev|prof|pres|sec|amb|supt',
);

/** Honorifics kept in a mention's text because "Mr Kim" is itself an alias. */
export const HONORIFICS: ReadonlySet<string> = words('mr|mrs|ms|miss|dr|sir|dame|madam|mme|m');

/** Honorifics that mark a woman. */
export const FEMALE_HONORIFICS: ReadonlySet<string> = words('mrs|ms|miss|dame|madam|mme');

/** Lower-case role nouns that, standing right before a name, make it a person. */
export const PERSON_ROLE_CUES: ReadonlySet<string> = words(`
spokesman|spokeswoman|spokesperson|leader|president|counterpart|minister|sister|brother|son|daughter|wife|
husband|father|mother|grandfather|grandmother|uncle|aunt|aide|adviser|advisor|envoy|chairman|secretary|
ambassador|premier|dictator|strongman|founder|ceo|chief|general|lawyer|analyst|professor|expert|researcher|
director|commander|colleague|rival|successor|predecessor|heir|chancellor|diplomat|senator|governor|mayor|
correspondent|reporter|editor|author|officer|deputy|official|economist|scientist|judge|attorney|
representative|congressman|congresswoman|lawmaker|commissioner|administrator|actor|actress|singer|
gymnast|athlete|player|coach|quarterback|pitcher|swimmer|runner|skier|golfer|boxer|star|superstar|champion|
comedian|host|anchor|presenter|journalist|columnist|commentator|pundit|activist|whistleblower|rapper|
musician|artist|filmmaker|producer|novelist|writer|poet|businessman|businesswoman|billionaire|entrepreneur|
candidate|nominee|challenger|incumbent|politician|strategist|pollster|historian|physician|doctor|nurse|
surgeon|epidemiologist|virologist|immunologist|psychologist|psychiatrist|sheriff|detective|prosecutor|
defendant|plaintiff|suspect|victim|witness|teenager|student|teacher|pastor|priest|rabbi|imam|bishop|
cardinal|executive|manager|employee|staffer|whip|superintendent|trooper|sergeant|lieutenant|captain|
owner|coroner|moviemaker|coordinator|
`);

/** Lower-case nouns that, standing right before a name, make it an organisation ("daily Chosun Ilbo"). */
export const ORGANIZATION_CUES: ReadonlySet<string> = words(`
daily|newspaper|website|site|outlet|broadcaster|agency|firm|company|carmaker|automaker|group|network|
magazine|publication|channel|tabloid|paper|startup|maker|manufacturer|
`);

/**
 * Lower-case nouns of a business's trade that, right before a name, make it an organisation ("ferry
 * operator Saltmarsh Ferries", "the contractor Brightline Civil"). Trades people also hold ("crane
 * operator Ana Ruiz"), so they count only for a name that does not open with a given name.
 */
export const BUSINESS_CUES: ReadonlySet<string> = words(`
contractor|subcontractor|operator|supplier|builder|developer|insurer|lender|retailer|carrier|airline|
utility|charity|consultancy|wholesaler|distributor|exporter|importer|
`);

/** Speech verbs that name a person as the speaker rather than an outlet publishing. */
export const PERSON_SPEECH_VERBS: ReadonlySet<string> = words(`
said|says|told|added|wrote|stated|explained|insisted|tweeted|replied|recalled|stressed|admitted|
testified|declared|quipped|joked|recounted|
`);

/** Given names with a known gender: a weak cue for persons and for pronoun resolution. */
export const FIRST_NAMES: ReadonlyMap<string, 'female' | 'male'> = new Map<string, 'female' | 'male'>([
  ...[
    'vladimir',
    'dmitry',
    'dmitri',
    'sergei',
    'sergey',
    'alexei',
    'alexander',
    'mikhail',
    'ivan',
    'nikolai',
    'boris',
    'yuri',
    'viktor',
    'andrei',
    'donald',
    'joe',
    'barack',
    'george',
    'john',
    'james',
    'michael',
    'david',
    'robert',
    'william',
    'richard',
    'thomas',
    'mark',
    'paul',
    'peter',
    'antony',
    'anthony',
    'emmanuel',
    'olaf',
    'volodymyr',
    'xi',
    'shinzo',
    'fumio',
    'yoon',
    'moon',
    'jae',
    'suk',
    'recep',
    'benjamin',
    'mohammed',
    'muhammad',
    'ali',
    'ahmed',
    'narendra',
    'justin',
    'rishi',
    'keir',
    'charles',
    'jong',
    'aaron',
    'abdul',
    'abiy',
    'adam',
    'ahmad',
    'alan',
    'andres',
    'andrew',
    'arthur',
    'ashraf',
    'austin',
    'bernie',
    'beto',
    'bill',
    'billy',
    'bob',
    'bobby',
    'bradley',
    'brandon',
    'brett',
    'brian',
    'bruce',
    'bryan',
    'carl',
    'carlos',
    'carter',
    'chris',
    'christian',
    'christopher',
    'chuck',
    'clarence',
    'cory',
    'daniel',
    'dennis',
    'dick',
    'douglas',
    'dylan',
    'ebrahim',
    'edward',
    'ed',
    'elijah',
    'elon',
    'eric',
    'ethan',
    'eugene',
    'ferdinand',
    'frank',
    'gabriel',
    'gary',
    'gerald',
    'gregory',
    'gustavo',
    'hakeem',
    'hamid',
    'harold',
    'hassan',
    'henry',
    'hunter',
    'isaac',
    'ivanka',
    'jack',
    'jacob',
    'jair',
    'jamie',
    'jared',
    'jason',
    'javier',
    'jeff',
    'jeffrey',
    'jeremy',
    'jerry',
    'jesse',
    'jim',
    'johnny',
    'jonathan',
    'jordan',
    'jose',
    'josh',
    'joshua',
    'juan',
    'keith',
    'kevin',
    'kyle',
    'larry',
    'lawrence',
    'liam',
    'lindsay',
    'lindsey',
    'lloyd',
    'logan',
    'louis',
    'lucas',
    'luis',
    'luke',
    'marco',
    'mason',
    'matthew',
    'merrick',
    'mike',
    'mitch',
    'mitt',
    'nathan',
    'nayib',
    'neil',
    'newt',
    'nicholas',
    'noah',
    'oliver',
    'omar',
    'owen',
    'patrick',
    'pedro',
    'pete',
    'philip',
    'ralph',
    'rand',
    'rashid',
    'raymond',
    'rick',
    'roger',
    'ron',
    'ronald',
    'roy',
    'rudy',
    'russell',
    'ryan',
    'samuel',
    'scott',
    'sean',
    'sebastian',
    'stephen',
    'steven',
    'ted',
    'terry',
    'tim',
    'timothy',
    'tom',
    'tucker',
    'tyler',
    'vincent',
    'walter',
    'wayne',
    'wyatt',
    'zachary',
    'joseph',
    'kenneth',
    'ken',
    'adrian',
    'alex',
    'alfred',
    'allen',
    'alvin',
    'andy',
    'angelo',
    'antonio',
    'armando',
    'arnold',
    'barry',
    'ben',
    'benny',
    'bernard',
    'blake',
    'brad',
    'brendan',
    'brent',
    'caleb',
    'calvin',
    'cameron',
    'chad',
    'charlie',
    'clay',
    'clint',
    'colin',
    'conor',
    'connor',
    'craig',
    'curtis',
    'dale',
    'dan',
    'danny',
    'darren',
    'dave',
    'derek',
    'devin',
    'dominic',
    'don',
    'drew',
    'duncan',
    'dustin',
    'earl',
    'eddie',
    'edwin',
    'eli',
    'elliot',
    'emilio',
    'enrique',
    'ernest',
    'evan',
    'felix',
    'fernando',
    'francis',
    'francisco',
    'fred',
    'frederick',
    'gavin',
    'geoffrey',
    'gerard',
    'gilbert',
    'glenn',
    'gordon',
    'graham',
    'greg',
    'hank',
    'harry',
    'harvey',
    'hector',
    'herbert',
    'hugh',
    'hugo',
    'ian',
    'igor',
    'jake',
    'jay',
    'jeb',
    'jerome',
    'joel',
    'joey',
    'jorge',
    'kurt',
    'lance',
    'leo',
    'leonard',
    'lewis',
    'lorenzo',
    'malcolm',
    'manuel',
    'marcus',
    'mario',
    'martin',
    'marvin',
    'matt',
    'maurice',
    'max',
    'miguel',
    'mohamed',
    'nate',
    'nelson',
    'nick',
    'nicolas',
    'norman',
    'oscar',
    'pablo',
    'perry',
    'phil',
    'ricardo',
    'ricky',
    'rob',
    'rod',
    'rodney',
    'roberto',
    'ross',
    'sam',
    'sergio',
    'seth',
    'shawn',
    'sheldon',
    'simon',
    'spencer',
    'stan',
    'stanley',
    'stuart',
    'steve',
    'todd',
    'tony',
    'travis',
    'trevor',
    'troy',
    'victor',
    'wallace',
    'warren',
    'wesley',
    'willie',
    'xavier',
    'alejandro',
    'andre',
    'klaus',
    'pierre',
    'abdullah',
    'mahmoud',
    'mustafa',
    'ibrahim',
    'khalid',
    'jamaal',
    'raphael',
    'cedric',
    'tyrone',
    'darnell',
    'dwayne',
    'marc',
    'steny',
    'ramon',
    'rafael',
    'raul',
    'sanjay',
    'rahul',
    'amit',
    'vivek',
    'hamza',
    'yusuf',
    'tariq',
    'kirk',
    'lamar',
    'marty',
  ].map((name): [string, 'male'] => [name, 'male']),
  ...[
    'maria',
    'marie',
    'anna',
    'elena',
    'olga',
    'natalia',
    'tatiana',
    'svetlana',
    'valentina',
    'irina',
    'yulia',
    'kamala',
    'hillary',
    'nancy',
    'angela',
    'ursula',
    'theresa',
    'liz',
    'elizabeth',
    'mary',
    'sarah',
    'jennifer',
    'linda',
    'susan',
    'karen',
    'jill',
    'melania',
    'kristalina',
    'giorgia',
    'marine',
    'ju',
    'ae',
    'abigail',
    'alexandria',
    'alexis',
    'alice',
    'amanda',
    'amber',
    'amy',
    'andrea',
    'ann',
    'ashley',
    'ayanna',
    'barbara',
    'betty',
    'beverly',
    'brenda',
    'brittany',
    'carol',
    'carolyn',
    'catherine',
    'cheryl',
    'christina',
    'christine',
    'condoleezza',
    'cynthia',
    'dana',
    'danielle',
    'debbie',
    'deborah',
    'debra',
    'denise',
    'diana',
    'diane',
    'donna',
    'doris',
    'dorothy',
    'elise',
    'emily',
    'evelyn',
    'gina',
    'gloria',
    'grace',
    'gretchen',
    'hannah',
    'heather',
    'ilhan',
    'jacinda',
    'jacqueline',
    'jane',
    'janet',
    'janice',
    'jean',
    'jen',
    'joan',
    'joyce',
    'judith',
    'judy',
    'julia',
    'julie',
    'karine',
    'katherine',
    'kathleen',
    'kathryn',
    'kathy',
    'kayla',
    'kelly',
    'ketanji',
    'kimberly',
    'kirsten',
    'kristen',
    'kristi',
    'kyrsten',
    'laura',
    'lauren',
    'lisa',
    'lori',
    'madison',
    'margaret',
    'marilyn',
    'marjorie',
    'martha',
    'maxine',
    'megan',
    'melissa',
    'mette',
    'michelle',
    'natalie',
    'nicole',
    'nikki',
    'olivia',
    'pamela',
    'patricia',
    'rachel',
    'rashida',
    'rebecca',
    'rose',
    'ruth',
    'samantha',
    'sandra',
    'sanna',
    'sara',
    'sharon',
    'shelley',
    'shirley',
    'sonia',
    'sophia',
    'stephanie',
    'tammy',
    'teresa',
    'tulsi',
    'victoria',
    'virginia',
    'adriana',
    'aisha',
    'alicia',
    'allison',
    'alyssa',
    'amelia',
    'ana',
    'angelina',
    'anita',
    'anne',
    'annie',
    'audrey',
    'ava',
    'beatriz',
    'becky',
    'bella',
    'bernadette',
    'beth',
    'bethany',
    'bonnie',
    'brooke',
    'caitlin',
    'caitlyn',
    'camila',
    'candace',
    'carla',
    'carmen',
    'caroline',
    'carrie',
    'cathy',
    'charlotte',
    'chelsea',
    'chloe',
    'cindy',
    'claire',
    'clara',
    'claudia',
    'colleen',
    'connie',
    'courtney',
    'crystal',
    'daisy',
    'delia',
    'dianne',
    'dolores',
    'eleanor',
    'elaine',
    'elisa',
    'eliza',
    'ella',
    'ellen',
    'emma',
    'erica',
    'erika',
    'erin',
    'esther',
    'eva',
    'fiona',
    'frances',
    'francesca',
    'gabriela',
    'gabrielle',
    'gail',
    'gayle',
    'gwen',
    'haley',
    'harriet',
    'heidi',
    'helen',
    'holly',
    'ingrid',
    'irene',
    'isabel',
    'isabella',
    'jana',
    'jenna',
    'jenny',
    'jessica',
    'joanna',
    'jocelyn',
    'jodi',
    'josephine',
    'juanita',
    'kaitlan',
    'kaitlyn',
    'kara',
    'kate',
    'katie',
    'katy',
    'kay',
    'keisha',
    'kendra',
    'kristin',
    'kristina',
    'lara',
    'leah',
    'leila',
    'leslie',
    'letitia',
    'lillian',
    'lily',
    'liza',
    'lois',
    'loretta',
    'lorraine',
    'louise',
    'lucia',
    'lucy',
    'lydia',
    'lynn',
    'marcia',
    'margarita',
    'marian',
    'marianne',
    'marisa',
    'marlene',
    'marsha',
    'maureen',
    'maya',
    'meghan',
    'melinda',
    'mia',
    'michele',
    'miranda',
    'molly',
    'monica',
    'nadia',
    'nadine',
    'naomi',
    'nina',
    'nora',
    'norma',
    'paula',
    'pauline',
    'peggy',
    'penny',
    'phyllis',
    'priscilla',
    'rachael',
    'raquel',
    'regina',
    'renee',
    'rhonda',
    'rita',
    'roberta',
    'rochelle',
    'rosa',
    'rosemary',
    'sabrina',
    'sally',
    'sheila',
    'sherry',
    'silvia',
    'simone',
    'sofia',
    'stacey',
    'stacy',
    'sue',
    'susanna',
    'suzanne',
    'sylvia',
    'tamara',
    'tania',
    'tanya',
    'tara',
    'tessa',
    'tiffany',
    'tina',
    'tracy',
    'valerie',
    'vanessa',
    'vera',
    'veronica',
    'vicki',
    'vivian',
    'wendy',
    'whitney',
    'yvonne',
    'zoe',
    'nikole',
    'greta',
    'mazie',
    'cori',
    'brandi',
    'brittney',
    'chrissy',
    'janelle',
    'jasmine',
    'jessie',
    'kristy',
    'lizzie',
    'mariah',
    'melanie',
    'ashli',
    'serena',
    'venus',
  ].map((name): [string, 'female'] => [name, 'female']),
]);

/** Family names common enough to type a name as a person on their own (Korean and Chinese order). */
export const SURNAMES: ReadonlySet<string> = words(`
kim|lee|park|choi|jung|kang|cho|yoon|jang|lim|han|oh|seo|shin|kwon|hwang|ahn|song|ryu|hong|ri|pak|
xi|li|wang|zhang|liu|chen|yang|zhao|huang|zhou|wu|putin|peskov|zakharova|lavrov|shoigu|medvedev|zelensky|
zelenskyy|trump|biden|obama|pelosi|schumer|mcconnell|manchin|sinema|desantis|newsom|cuomo|fauci|cheney|
`);

/**
 * Words naming a group of people (parties, nationalities, faiths): a name of their own but never one person
 * or place, even before "said" ("Democrats said", "Afghans fled to …").
 */
export const GROUP_NAMES: ReadonlySet<string> = words(`
democrat|democrats|democratic|dems|republican|republicans|gop|independents|conservatives|liberals|
progressives|americans|afghans|haitians|cubans|mexicans|israelis|palestinians|iranians|iraqis|syrians|
russians|ukrainians|europeans|asians|africans|canadians|australians|brits|britons|germans|koreans|
japanese|chinese|taiwanese|indians|pakistanis|saudis|turks|arabs|jews|muslims|christians|catholics|
evangelicals|latinos|latinas|latinx|hispanics|blacks|whites|asian americans|black americans|
native americans|new yorkers|texans|californians|floridians|
`);

/** Party words that qualify a name without being part of it ("Republican Susan Wright", "Democratic Sen. …"). */
export const PARTY_QUALIFIERS: ReadonlySet<string> = words('republican|democratic|democrat|gop');

/** Weekday and month names: dates, never named entities. */
export const CALENDAR_WORDS: ReadonlySet<string> = words(`
monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|
january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|
jun|jul|aug|sep|sept|oct|nov|dec|christmas|easter|
`);

/** Capitalised words that open sentences or headlines but never start a name. */
export const COMMON_CAPITALISED: ReadonlySet<string> = words(`
the|a|an|in|on|at|of|for|to|from|by|with|as|and|but|or|nor|so|yet|if|when|while|after|before|since|until|
according|this|that|these|those|there|here|he|she|it|they|we|i|you|his|her|its|their|our|my|your|what|who|
why|how|where|which|some|many|most|much|more|all|both|each|every|any|no|not|one|two|three|still|however|
meanwhile|also|even|just|last|next|earlier|later|then|now|such|other|another|several|few|though|although|
because|despite|during|over|under|into|about|between|among|against|without|within|is|are|was|were|be|been|
has|have|had|do|does|did|will|would|can|could|may|might|must|should|shall|speaking|asked|read|please|thanks|
sign|something|brought|various|international|state|local|national|global|official|new|old|former|
nobody|everyone|everybody|someone|somebody|anyone|anybody|none|neither|either|nothing|everything|others|
officials|experts|critics|authorities|residents|witnesses|investigators|prosecutors|researchers|analysts|
lawmakers|sources|observers|protesters|voters|parents|once|perhaps|instead|unlike|including|whether|
`);

/** All-caps words that are not names even though they look like acronyms. */
export const NON_ENTITY_ACRONYMS: ReadonlySet<string> = words(
  'covid|suv|suvs|ceo|ceos|tv|gdp|pm|am|ok|id|pdf|faq|url|usd|eur|gbp|diy|vip|ps|nb|op|ed|up|ii|iii|iv',
);

/** Acronyms that are always names even when they look like shouting. */
export const KNOWN_ACRONYMS: ReadonlySet<string> = words(
  'kcna|dprk|un|us|usa|uk|uae|eu|nato|imf|iaea|who|opec|asean|afp|ap|bbc|cnn|nk|rok|prc|ussr|tass|fbi|cia|nasa',
);

/** Second halves of hyphenated adjectives that are not part of a name ("Russian-made", "Moscow-backed"). */
export const ADJECTIVAL_SUFFIXES: ReadonlySet<string> = words(`
made|based|backed|led|linked|owned|run|funded|born|style|era|bound|controlled|friendly|sponsored|built|
supplied|affiliated|occupied|held|allied|centric|wide|specific|related|registered|flagged|bred|speaking|
`);

/** Words after a name that mark a woman ("she", "her", "spokeswoman"). */
export const FEMALE_CUES: ReadonlySet<string> = words(`
she|her|hers|herself|sister|spokeswoman|daughter|wife|mother|grandmother|aunt|niece|woman|girl|queen|
princess|widow|actress|chairwoman|congresswoman|businesswoman|first lady|ms|mrs|miss|madam|dame|
`);

/** Words near a name that mark a man. */
export const MALE_CUES: ReadonlySet<string> = words(`
he|him|his|himself|brother|spokesman|son|husband|father|grandfather|uncle|nephew|man|boy|king|prince|
widower|chairman|congressman|businessman|mr|sir|
`);

/** Type a gazetteer gives a normalised name, if any. */
export function gazetteerType(normal: string): EntityType | undefined {
  if (PLACES.has(normal) || PLACE_ACRONYMS.has(normal)) return 'place';
  if (KNOWN_ORGANIZATIONS.has(normal)) return 'organization';
  if (CAR_BRANDS.has(normal)) return 'product';
  return undefined;
}

/** Relation nouns of descriptor aliases: "Kim's sister" names Kim Yo Jong once the text says so. */
export const DESCRIPTOR_RELATIONS: ReadonlySet<string> = words(`
sister|brother|wife|husband|son|daughter|father|mother|grandfather|grandmother|uncle|aunt|niece|nephew|
spokesman|spokeswoman|spokesperson|aide|adviser|advisor|lawyer|deputy|envoy|successor|predecessor|heir|
widow|chief|secretary|
`);
