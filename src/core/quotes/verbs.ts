/**
 * Reporting verbs (speech cues) for the quote attributor.
 *
 * Sources and licences:
 * - GenderGapTracker English quote-verb list, sfu-discourse-lab/GenderGapTracker@5501de31e8598e18ace47982220e91961ca5460a
 *   `nlp/english/rules/quote_verb_list.txt`, MIT licence, Copyright (c) 2018-2023 Maite Taboada.
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 *   associated documentation files, to deal in the Software without restriction, subject to the condition
 *   that the above copyright notice and this permission notice shall be included in all copies or
 *   substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
 * - textacy English reporting verbs, chartbeat-labs/textacy@f08ecbc46020f514b8cbb024778ec4f80456291f
 *   `src/textacy/constants.py` (`REPORTING_VERBS["en"]`), Apache License 2.0
 *   (http://www.apache.org/licenses/LICENSE-2.0), Copyright 2016 Chartbeat, Inc.
 *   Modified: the lemmas are inflected here and merged with the GGT forms.
 * - newsreader's own additions (MIT, as the rest of this package): news cues such as "stressed",
 *   "tweeted", "decried", "vowed", and the cue classes below.
 *
 * Forms that are mostly nouns or rarely cue speech in news ("present", "release", "finding",
 * "ensure", "continue" before a quote) were left out or restricted to the position after a quote.
 */

/** How a cue relates to its quote. */
export type CueClass =
	| 'say' // complement or direct speech: "X said (that) …"
	| 'tell' // takes the addressee as object: "X told Y (that) …"
	| 'name' // names or characterises, only when the quote follows closely: "called it “…”", "likened X to a “…”"
	| 'post'; // a cue only right after a quote: "“…,” he continued."

// Lemmas that double their final consonant: admit → admitted, admitting.
const DOUBLING = new Set(['admit', 'quip', 'regret', 'commit', 'plan', 'stop', 'chat', 'jab', 'nod', 'snap', 'beg', 'slam', 'refer', 'omit', 'permit', 'rebut', 'scrap', 'fret', 'trim']);

function inflect(lemmas: string): string[] {
	const out: string[] = [];
	for (const entry of lemmas.split(/\s+/)) {
		if (!entry) continue;
		// entry: lemma or lemma/3sg/past/ing (explicit forms for irregular verbs)
		const parts = entry.split('/');
		if (parts.length > 1) {
			out.push(...parts);
			continue;
		}
		const l = parts[0]!;
		const dbl = DOUBLING.has(l) ? l + l.slice(-1) : l;
		const stem = l.endsWith('e') ? l.slice(0, -1) : dbl;
		const s = /(?:s|sh|ch|x|z)$/.test(l) ? `${l}es` : /[^aeiou]y$/.test(l) ? `${l.slice(0, -1)}ies` : `${l}s`;
		const ed = l.endsWith('e') ? `${l}d` : /[^aeiou]y$/.test(l) ? `${l.slice(0, -1)}ied` : `${dbl}ed`;
		out.push(l, s, ed, `${stem}ing`);
	}
	return out;
}

// GGT forms and textacy lemmas (inflected), with newsreader additions, by class.
const SAY = inflect(
	`say/says/said/saying add accuse acknowledge admit agree allege announce argue assert believe blame
	claim complain concede conclude confirm contend criticize criticise declare deny disclose emphasize
	emphasise explain insist maintain mention note observe predict recall recommend report state stress
	suggest testify/testifies/testified/testifying think/thinks/thought/thinking write/writes/wrote/writing
	tweet post reiterate repeat reply/replies/replied/replying respond retort quip joke muse remark counter
	caution concede exclaim proclaim boast brag lament shout yell scream chant whisper
	cry/cries/cried/crying decry/decries/decried/decrying denounce condemn demand propose threaten vow
	pledge promise reveal assure reassure declare fume gush snap plead/pleads/pleaded/pleading
	acclaim clarify/clarifies/clarified/clarifying comment confide describe estimate highlight indicate
	point preach predict rave reassert reckon reconfirm restate retell/retells/retold/retelling
	disclaim dispute accept accuse charge question wonder sing/sings/sang/singing`,
);
const TELL = inflect(
	`tell/tells/told/telling warn ask urge remind inform advise notify assure reassure
	encourage instruct order beg implore`,
);
const NAME = inflect(`call dub label brand term nickname liken dismiss attack blast slam praise mock deride hail tout
	laud lambast compare characterize characterise refer specify denounce condemn ridicule lambaste pan scoff applaud
	welcome celebrate defend`);
const POST = ['continued', 'continues', 'read', 'reads', 'offered', 'recounted', 'laughed', 'sighed', 'smiled', 'wrote'];

// Forms that are far more often nouns or other senses; they only count as cues in the
// positions the attributor checks for them (never as a bare noun after a determiner).
const NOUNISH = new Set([
	'report', 'reports', 'claims', 'claim', 'notes', 'note', 'comments', 'comment', 'points', 'point', 'states', 'state',
	'charge', 'charges', 'question', 'questions', 'counter', 'demand', 'demands', 'estimate', 'estimates', 'post', 'posts',
	'promise', 'promises', 'vow', 'vows', 'pledge', 'pledges', 'tweet', 'tweets', 'remark', 'remarks', 'order', 'orders',
	'warning', 'warnings', 'highlights', 'accept', 'reply', 'replies', 'response', 'joke', 'jokes', 'cry', 'cries',
	'thought', 'thinking', 'plea', 'blame', 'muse', 'chant', 'chants', 'call', 'calls', 'brand', 'label', 'term', 'terms',
]);

// The GGT list, verbatim (257 forms).
const GGT = `accept accepted acclaim acclaimed acclaiming acclaims acknowledge acknowledged acknowledges acknowledging add
	added adding adds admit admits admitted admitting advise advised advises advising announce announced announces
	announcing argue argued argues arguing assert asserted asserting asserts assure assured assures assuring claim claimed
	claiming claims clarified clarifies clarify clarifying comment commented commenting comments conclude concluded
	concludes concluding confirm confirmed confirming confirms continue continued continues continuing convince convinced
	convinces convincing criticize criticized criticizes criticizing declaim declaimed declaiming declaims declare
	declared declares declaring decried decries decry decrying demonstrate demonstrated demonstrates demonstrating
	denounce denounced denounces denouncing describe described describes describing disclaim disclaimed disclaiming
	disclaims dispute disputed disputes disputing ensure ensured ensures ensuring estimated estimates exclaim exclaimed
	exclaiming exclaims explain explained explaining explains finding finds highlight highlighted highlighting highlights
	illustrate illustrated illustrates illustrating indicate indicated indicates indicating inform informed informing
	informs insist insisted insisting insists mention mentioned mentioning mentions note noted notes notified notifies
	notify notifying noting persist persisted persisting persists point pointed pointing points preach preached preaches
	preaching predict predicted predicting predicts present presenting presents proclaim proclaimed proclaiming proclaims
	rave raved raves raving reassert reasserted reasserting reasserts reassure reassured reassures reassuring reckon
	reckoned reckoning reckons reconfirm reconfirmed reconfirming reconfirms release released releases releasing remind
	reminded reminding reminds replied replies reply replying report reported reporting reports respond responded
	responding responds restate restated restates restating retell retelling retells retold said say saying says state
	stated states stating suggest suggested suggesting suggests tell telling tells told testified testifies testify
	testifying think thinking thinks thought tweet tweeted tweeting tweets warn warned warning warns write writes writing
	wrote`.split(/\s+/);

// Forms dropped from the GGT list (mostly not speech in news prose).
const GGT_POST_ONLY = new Set(['continue', 'continued', 'continues', 'continuing', 'ensure', 'ensured', 'ensures', 'ensuring', 'demonstrate', 'demonstrated', 'demonstrates', 'demonstrating', 'convince', 'convinced', 'convinces', 'convincing', 'present', 'presenting', 'presents', 'release', 'released', 'releases', 'releasing', 'finding', 'finds', 'persist', 'persisted', 'persisting', 'persists', 'illustrate', 'illustrated', 'illustrates', 'illustrating', 'estimated', 'estimates', 'state', 'states', 'think', 'thinking']);
const DROP = new Set(['accept', 'accepts', 'accepted', 'accepting', 'acclaim', 'acclaims', 'acclaimed', 'acclaiming', 'point', 'points', 'pointing', 'rave', 'raves', 'raving', 'preach', 'preaches', 'preaching']);

/** Lower-cased cue forms → class. */
export const CUE_FORMS: ReadonlyMap<string, CueClass> = (() => {
	const m = new Map<string, CueClass>();
	for (const f of POST) m.set(f, 'post');
	for (const f of NAME) m.set(f, 'name');
	for (const f of GGT) if (!DROP.has(f) && !GGT_POST_ONLY.has(f)) m.set(f, 'say');
	for (const f of SAY) if (!DROP.has(f)) m.set(f, 'say');
	for (const f of TELL) m.set(f, 'tell');
	m.set('pointed', 'say');
	return m;
})();

/** Cues of belief rather than speech: a short quote under them is a scare quote ("thinks cats are “cuties”"). */
export const BELIEF = new Set(inflect('believe fear hope wonder feel/feels/felt/feeling think/thinks/thought/thinking'));

/** True for cue forms that are usually nouns and need verb context. */
export function isNounish(lc: string): boolean {
	return NOUNISH.has(lc);
}
