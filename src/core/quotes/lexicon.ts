/**
 * Closed word classes the rule-based attributor needs: function words, titles and roles,
 * organisation heads, channels (wire services and relays, never speakers), pronouns.
 * All entries are lower case.
 */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Subject pronouns and their object/possessive forms, with number and gender. */
export const PRONOUNS: ReadonlyMap<string, {readonly gender: 'm' | 'f' | 'n' | 'p' | 'x'; readonly person: 1 | 2 | 3}> = new Map([
	['he', {gender: 'm', person: 3}],
	['him', {gender: 'm', person: 3}],
	['his', {gender: 'm', person: 3}],
	['she', {gender: 'f', person: 3}],
	['her', {gender: 'f', person: 3}],
	['it', {gender: 'n', person: 3}],
	['its', {gender: 'n', person: 3}],
	['they', {gender: 'p', person: 3}],
	['them', {gender: 'p', person: 3}],
	['their', {gender: 'p', person: 3}],
	['i', {gender: 'x', person: 1}],
	['me', {gender: 'x', person: 1}],
	['we', {gender: 'x', person: 1}],
	['us', {gender: 'x', person: 1}],
	['you', {gender: 'x', person: 2}],
]);

/** Determiners and possessive determiners that open a noun phrase. */
export const DETERMINERS = set(`the a an this that these those his her its their our my your another some several many
	one two three four five six seven eight nine ten both each every any no other such all most few`);

/** Words never inside a speaker noun phrase (conjunctions, prepositions except "of", auxiliaries, adverbs). */
export const STOP = set(`that which who whom whose what when where while whereas whether if unless because although though
	since until after before as than then so yet and but or nor not n't never also however meanwhile moreover still
	to in on at by for from with without about against into onto over under through during across amid amidst among
	around near via per despite including like between toward towards upon within beyond behind above below outside
	inside along alongside following regarding concerning
	is was are were be been being am has have had having do does did will would shall should can could may might must
	's 're 've 'd 'll there here now today yesterday tomorrow just only even again already too very
	said says say saying told tells tell telling added adds according`);

/** Adverbs and auxiliaries that may sit between a subject and its cue ("Putin also told", "he has said"). */
export const BETWEEN = set(`also has have had 've 'd 's would will 'll could can may might must should shall did does do
	not n't never once later then previously again recently reportedly repeatedly publicly privately separately
	similarly quickly only just even still further already earlier now often always sometimes frequently initially
	originally subsequently ultimately finally first last openly explicitly directly flatly angrily bluntly candidly
	emphatically firmly strongly simply essentially apparently allegedly is was are were be been being am 're
	herself himself themselves itself tuesday`);

/** Weekday, month and time words: never part of a name, skipped between subject and verb. */
export const TIME_WORDS = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep.
	sept sept. oct oct. nov nov. dec dec. week weekend month year morning afternoon evening night day today yesterday
	tonight tomorrow earlier later last this next a.m. p.m. am pm noon midnight`);

/** Prepositions that can open a short adverbial between a subject and its verb ("The Kremlin on Sunday said"). */
export const ADVERBIAL_PREPS = set(`on in at during over via through last this earlier late early`);

/** Titles and roles that precede or describe a person's name (stripped from canonical names). */
export const TITLES = set(`president vice-president vice secretary minister prime foreign deputy spokesman spokeswoman
	spokesperson press sen. senator rep. representative gov. governor mayor mr. mrs. ms. miss dr. prof. professor gen.
	general lt. col. maj. capt. sgt. adm. admiral officer chief judge justice attorney commissioner chairman chairwoman
	chair ceo cfo coo director ambassador king queen prince princess pope chancellor premier assistant secretary-general
	leader head adviser advisor aide councilman councilwoman congressman congresswoman del. delegate state sheriff
	detective coach pastor rev. reverend father sir lord lady dame president-elect nominee candidate former retired
	acting interim senior junior top chief-of-staff speaker majority minority whip economist analyst expert professor
	founder co-founder owner manager editor reporter correspondent columnist host anchor moderator rabbi imam bishop
	cardinal archbishop mp mep sen rep gov dr mr mrs ms lt gen col capt sgt st. saint superintendent inspector
	constable trooper sergeant captain colonel major lieutenant corporal private marshal commander president's
	counterpart colleague official spokesmen envoy negotiator diplomat lawmaker legislator councillor councilor alderman
	alderwoman assemblyman assemblywoman assemblymember trustee provost dean supervisor comptroller treasurer auditor
	magistrate prosecutor solicitor barrister chairperson vice-chair vice-chairman president-elect premier-elect
	first-lady lady governor-general viceroy sultan emir sheikh ayatollah crown minister-president mr mrs ms prof.`);

/** Nouns that make a description a person ("the Russian leader", "the mayor", "a spokesman"). */
export const PERSON_HEADS = set(`president leader premier minister chancellor king queen prince spokesman spokeswoman
	spokesperson secretary senator governor mayor official officials officer officers chief judge justice attorney
	commissioner chairman chairwoman director ambassador adviser advisor aide congressman congresswoman lawmaker
	lawmakers legislator sheriff detective coach businessman businesswoman candidate nominee announcer clown man woman
	men women boy girl spokesmen diplomat diplomats envoy analyst analysts expert experts source sources witness
	witnesses resident residents voter voters critic critics supporter supporters economist economists counterpart
	owner manager founder editor reporter host anchor moderator negotiator general colonel captain lieutenant sergeant
	doctor nurse teacher student students worker workers driver police protester protesters activist activists
	scientist scientists researcher researchers executive executives investor investors father mother wife husband
	son daughter brother sister friend neighbor neighbour governor-elect president-elect representative delegate
	member members head niece nephew uncle aunt grandmother grandfather victim victims survivor survivors official's
	mogul billionaire star actor actress singer player players surrogate strategist pollster operative operatives
	republican republicans democrat democrats`);

/** Female role words and honorifics (gender evidence for pronoun resolution). */
export const FEMALE_WORDS = set(`mrs. ms. miss mrs ms spokeswoman chairwoman congresswoman businesswoman councilwoman
	woman wife mother daughter sister niece aunt grandmother queen princess actress lady dame madam she her`);
/** Male role words and honorifics. */
export const MALE_WORDS = set(`mr. mr spokesman chairman congressman businessman councilman man husband father son
	brother nephew uncle grandfather king prince actor sir lord he him his`);

/** Head words that make a capitalised phrase an organisation or body ("White House", "State Department"). */
export const ORG_WORDS = set(`house kremlin department ministry office committee commission council party campaign
	government administration agency bureau court congress senate parliament duma assembly university institute
	foundation company corp corp. inc inc. ltd group bank police army navy force forces military pentagon embassy
	cabinet union association federation league network times post journal news tribune herald guardian press
	review magazine daily television tv radio channel service services centre center organization organisation
	board authority authorities fund alliance coalition nato un eu fbi cia nsa kgb fsb white-house readout statement
	spokesman's people's republic kingdom states nations church team club`);

/** Channels: wire services and relays that pass words on; never speakers. */
export const WIRE_NAMES = set(`reuters tass ap afp interfax xinhua kyodo yonhap ria novosti ria-novosti upi dpa efe ansa
	anadolu bernama pti ani itar-tass sputnik`);

/** Head nouns of channel phrases ("the report", "state TV", "a video released on…"). */
export const CHANNEL_HEADS = set(`report reports video clip footage broadcast broadcasts agency service wire media tv
	television channel channels outlet outlets newswire radio programme program show documents document transcript
	recording recordings interview interviews website site page account feed outlets press`);

const NATIONALITY = /^(?:u\.s\.|us|u\.k\.|uk|american|[a-z]+(?:ian|ean|ese|ish|ic|i|an)|french|dutch|swiss|greek|thai|czech)$/;

/** Nationality and place adjectives written with a capital that precede titles ("Russian President"). */
export function isNationality(lc: string): boolean {
	return NATIONALITY.test(lc);
}

/** Given names that are usually female (a small list; unknown names simply carry no gender). */
export const FEMALE_NAMES = set(`mary maria marie anna anne ann elizabeth hillary hilary nancy sarah susan karen lisa
	jennifer jessica linda barbara patricia margaret helen laura emily emma olivia sophia angela angela kamala michelle
	melania ivanka chelsea nikki theresa teresa ursula christine kristalina janet jill liz elise marjorie lauren amy
	rachel rebecca ruth catherine kate katherine kathleen julia julie alexandria ilhan ayanna rashida tulsi marsha
	dianne diane susan sue carol joan jane kelly kellyanne sharon stephanie heather victoria valentina marina irina
	olga natalia tatiana svetlana yulia elena ekaterina alicia gennifer jessica doris cia jen michelle ella sally
	condoleezza madeleine samantha jen nikki tsai yingluck benazir indira golda angela annalena giorgia liz jacinda
	sanna mette kristen kirsten claire mia sofia ines`);
/** Given names that are usually male. */
export const MALE_NAMES = set(`john james robert michael william david richard joseph joe thomas charles christopher
	daniel matthew anthony antony donald mark paul steven steve andrew kenneth kevin brian george edward ronald timothy
	jason jeffrey ryan jacob gary nicholas eric stephen jonathan larry justin scott brandon benjamin samuel frank gregory
	raymond alexander patrick jack dennis jerry tyler aaron henry douglas peter adam nathan zachary kyle walter harold
	carl jeremy keith roger gerald ethan arthur terry christian sean lawrence austin joe noah jesse albert bryan billy
	bruce willie jordan dylan alan ralph gabriel roy juan wayne eugene logan randy louis russell vincent philip bobby
	johnny bradley barack bill mike mitt ted rand marco bernie chuck mitch kevin vladimir dmitry dmitri sergey sergei
	sergei alexei alexey mikhail boris igor ivan nikolai yuri viktor volodymyr petro emmanuel olaf rishi keir xi wang
	narendra recep benjamin bibi ali hassan mohammed muhammad ahmed jens antonio pedro carlos luis jose enrique
	emmanuel francois jean pierre jacques angelo giuseppe mario matteo hans karl friedrich chad rucker cornell lloyd
	tim tom jim bob rob ron rick dick ben dan sam pat ken greg jeff nick chris matt andy tony al ed fred hank
	ray reince newt rudy corey kellyanne`);

/** Honorifics: the capitalised word after one is a surname even when it is also a title ("Mr. King"). */
export const HONORIFICS = new Set(['mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'miss', 'mx.', 'mx', 'dr.', 'dr']);
