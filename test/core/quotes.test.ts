import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {attributeStory, sameUtterance, toQuotesJson, type Quote} from '../../src/core/quotes/index.js';
import {findQuotes} from '../../src/core/quotes/marks.js';
import {articleOf} from './quotes-article.js';

/** Quotes of one text, as one story. */
function quotesOf(text: string): Quote[] {
	return [...attributeStory([articleOf(text)]).quotes];
}

/** The quote whose words are `words` (exactly), or fail. */
function quote(qs: readonly Quote[], words: string): Quote {
	const q = qs.find((x) => x.text === words);
	if (!q) throw new Error(`no quote ${JSON.stringify(words)} in ${JSON.stringify(qs.map((x) => x.text))}`);
	return q;
}

/** Spans found by the mark pairer over one region. */
function spans(text: string): string[] {
	return findQuotes(text, [{start: 0, end: text.length}]).map((q) => text.slice(q.start, q.end));
}

describe('quote spans', () => {
	it('pairs straight and curly double quotes', () => {
		expect(spans('He said "we will win" and then “we will stay”.')).toEqual(['we will win', 'we will stay']);
	});

	it('treats single quotes used as quotes as quotes, and apostrophes as apostrophes', () => {
		expect(spans("Lopez says she 'would gladly return' to Lima in O'Hara's plane, the leaders' deal and don't.")).toEqual(['would gladly return']);
		expect(spans('Nobody’s plan: the ministers’ talks were O’Neill’s idea.')).toEqual([]);
	});

	it('accepts a closing mark used as an opener', () => {
		expect(spans('turning it into a ”bulwark” against the south')).toEqual(['bulwark']);
	});

	it('reads TeX-style and doubled single quotes', () => {
		expect(spans("''We should act,'' Mr. Ortiz said. ``Now,'' he added.")).toEqual(['We should act,', 'Now,']);
	});

	it('finds quotes inside quotes and links them to their parent', () => {
		const text = 'He told everyone, "This \'double cheese special\' is good."';
		const qs = findQuotes(text, [{start: 0, end: text.length}]);
		expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['This \'double cheese special\' is good.', 'double cheese special']);
		expect(qs[1]!.parent).toBe(0);
	});

	it('runs an unclosed quote to the end of its paragraph', () => {
		expect(spans('She said "we are not done yet and never will be')).toEqual(['we are not done yet and never will be']);
	});

	it('links multi-paragraph quotes whose paragraphs open but do not close', () => {
		const text = '"The first part runs on.\n"The second part ends here," the coach said.';
		const qs = findQuotes(text, [
			{start: 0, end: 24},
			{start: 25, end: text.length},
		]);
		expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['The first part runs on.', 'The second part ends here,']);
		expect(qs[1]!.continues).toBe(0);
		const attributed = quotesOf(text);
		expect(attributed.map((q) => q.speakerMention?.text)).toEqual(['the coach', 'the coach']);
	});
});

describe('kinds', () => {
	it('tells full, partial, term and title apart', () => {
		const qs = quotesOf(
			[
				'"We are ready," Mayor Ana Lopez said on "Morning Report" on Tuesday.',
				'Lopez said the plan was "a first step toward recovery" for the city.',
				"The council rejected Lopez's “priorities” again.",
				'Critics called it a so-called "reform" of the budget.',
			].join('\n'),
		);
		expect(quote(qs, 'We are ready,').kind).toBe('full');
		expect(quote(qs, 'Morning Report').kind).toBe('title');
		expect(quote(qs, 'a first step toward recovery').kind).toBe('partial');
		expect(quote(qs, 'priorities').kind).toBe('term');
		expect(quote(qs, 'reform').kind).toBe('term');
		expect(quote(qs, 'priorities').speaker).toBeNull();
		expect(quote(qs, 'Morning Report').speaker).toBeNull();
	});

	it('keeps scare quotes under a belief verb unattributed', () => {
		const q = quote(quotesOf('Morales thinks that the rules are "silly".'), 'silly');
		expect(q.kind).toBe('term');
		expect(q.speaker).toBeNull();
	});
});

describe('attribution patterns', () => {
	it('speaker before the quote, with a comma or a colon', () => {
		const qs = quotesOf('Governor Elena Ruiz said, "The bridge will reopen."\nRuiz told the council: "We need more money."');
		expect(quote(qs, 'The bridge will reopen.').speaker).toBe('Elena Ruiz');
		expect(quote(qs, 'We need more money.').speaker).toBe('Elena Ruiz');
		expect(quote(qs, 'We need more money.').cue).toBe('told');
	});

	it('speaker after the quote, normal and inverted', () => {
		const qs = quotesOf('"The vote is final," Senator Paul Okafor said.\n"It is not," said Maria Chen, a spokeswoman for the party.');
		expect(quote(qs, 'The vote is final,').speaker).toBe('Paul Okafor');
		const inv = quote(qs, 'It is not,');
		expect(inv.speaker).toBe('Maria Chen');
		expect(inv.speakerMention?.text).toBe('Maria Chen');
	});

	it('"according to X", but never a channel', () => {
		const qs = quotesOf(
			['According to Finance Minister Lars Berg, the budget is "fully funded."', 'The economy will "grow strongly," according to Reuters.'].join('\n'),
		);
		expect(quote(qs, 'fully funded.').speaker).toBe('Lars Berg');
		expect(quote(qs, 'grow strongly,').speaker).toBeNull();
	});

	it('a readout from a body makes the body the speaker', () => {
		const qs = quotesOf('According to a readout of the meeting from the Elysee Palace, Lemaire "stressed the need for calm."');
		expect(quote(qs, 'stressed the need for calm.').speaker).toBe('Elysee Palace');
	});

	it('split quotes keep one speaker on both sides', () => {
		const qs = quotesOf('"We tried," she said, "but the river won."');
		expect(quote(qs, 'We tried,').speakerMention?.text).toBe('she');
		expect(quote(qs, 'but the river won.').speakerMention?.text).toBe('she');
	});

	it('follow-on quotes inherit the previous speaker', () => {
		const qs = quotesOf('"We lost the game," coach Dana Wilks said. "We will be back next year."');
		expect(quote(qs, 'We will be back next year.').speaker).toBe('Dana Wilks');
	});

	it('a different speaker in between stops the inheritance', () => {
		const qs = quotesOf('"We lost," Wilks said. Team owner Ray Park said he disagreed. "We were robbed."');
		expect(quote(qs, 'We were robbed.').speaker).not.toBe('Wilks');
	});

	it('resolves pronouns to the named person', () => {
		const qs = quotesOf('Finance Minister Lars Berg spoke after the vote.\n"The numbers add up," he said.\nHe added that the deal was "good for everyone."');
		expect(quote(qs, 'The numbers add up,').speaker).toBe('Lars Berg');
		expect(quote(qs, 'The numbers add up,').speakerMention?.text).toBe('he');
		expect(quote(qs, 'good for everyone.').speaker).toBe('Lars Berg');
	});

	it('resolves gendered pronouns past a person of the other gender', () => {
		const qs = quotesOf('Foreign Ministry spokeswoman Irina Volkova spoke to reporters. Mr. Tanaka was not there.\nShe said the talks were "going nowhere."');
		expect(quote(qs, 'going nowhere.').speaker).toBe('Irina Volkova');
	});

	it('resolves titles and roles to the named person', () => {
		const qs = quotesOf(
			['Brazilian President Carla Mendes met her Chilean counterpart Jorge Soto on Monday.', 'The Brazilian leader insisted that the border was "open to trade."'].join('\n'),
		);
		expect(quote(qs, 'open to trade.').speaker).toBe('Carla Mendes');
		expect(quote(qs, 'open to trade.').speakerMention?.text).toBe('The Brazilian leader');
	});

	it('takes the name out of an appositive or a role phrase', () => {
		const qs = quotesOf('Speaking on radio, presidential spokesman, Ivan Petrov, said that "talks will resume."\nCentral bank spokeswoman Ana Silva said rates were "on hold."');
		expect(quote(qs, 'talks will resume.').speaker).toBe('Ivan Petrov');
		expect(quote(qs, 'on hold.').speaker).toBe('Ana Silva');
	});

	it('never makes a channel the speaker', () => {
		const qs = quotesOf(
			[
				'"We are ready," the minister told state TV, according to Interfax.',
				'Officials were "confident," the report said.',
				'"Nothing changes," TASS reported.',
			].join('\n'),
		);
		expect(quote(qs, 'We are ready,').speakerMention?.text).toBe('the minister');
		expect(quote(qs, 'confident,').speaker).toBeNull();
		expect(quote(qs, 'Nothing changes,').speaker).toBeNull();
	});

	it('an agentless passive names nobody', () => {
		const q = quote(quotesOf('The call, which was said to be a "frank and useful" exchange, lasted an hour.'), 'frank and useful');
		expect(q.speaker).toBeNull();
		expect(q.kind).toBe('partial');
	});

	it('participles and conjoined verbs take the clause subject', () => {
		const qs = quotesOf(
			'Mayor Tom Reyes criticised the plan, calling it "a disaster for renters."\nCouncillor Amy Lee reviewed the budget and warned that cuts "will hurt schools."',
		);
		expect(quote(qs, 'a disaster for renters.').speaker).toBe('Tom Reyes');
		expect(quote(qs, 'will hurt schools.').speaker).toBe('Amy Lee');
	});

	it('reads transcript labels inside the quote', () => {
		const q = quotesOf('"HOST: Welcome back to the programme tonight."')[0]!;
		expect(q.speakerMention?.text).toBe('HOST');
	});
});

describe('addressees', () => {
	it('told X, said to X, in an interview with X, in response to X', () => {
		const qs = quotesOf(
			[
				'"We will meet again," Prime Minister Anna Berg told President Luis Ortega.',
				'"Thank you," Ortega said to Berg.',
				'In an interview with Le Monde, Berg said the visit was "a success."',
				'"No doubt," Ortega said in response to Berg.',
				'Berg said the vote was "close."',
			].join('\n'),
		);
		expect(quote(qs, 'We will meet again,').addressee).toBe('Luis Ortega');
		expect(quote(qs, 'Thank you,').addressee).toBe('Anna Berg');
		expect(quote(qs, 'a success.').addressee).toBe('Le Monde');
		expect(quote(qs, 'No doubt,').addressee).toBe('Anna Berg');
		expect(quote(qs, 'close.').addressee).toBeNull();
	});

	it('resolves a role to the person and never to the speaker', () => {
		const qs = quotesOf('Chilean President Jorge Soto told his Peruvian counterpart Rosa Diaz on Monday that he was "ready to talk."\nSoto told the Peruvian President: "We should meet."');
		expect(quote(qs, 'ready to talk.').addressee).toBe('Rosa Diaz');
		expect(quote(qs, 'We should meet.').addressee).toBe('Rosa Diaz');
		expect(quote(qs, 'We should meet.').speaker).toBe('Jorge Soto');
	});
});

describe('canonical names across a story', () => {
	it('uses the longest full name the texts give', () => {
		const a = articleOf('German Chancellor Olaf Brandt met reporters.\n"We are united," Brandt said.', 'a', 'Paper A');
		const b = articleOf('"Unity matters," Chancellor Brandt said on Friday.', 'b', 'Paper B');
		const r = attributeStory([a, b]);
		expect(r.quotes.map((q) => q.speaker)).toEqual(['Olaf Brandt', 'Olaf Brandt']);
		expect(r.speakers[0]).toMatchObject({name: 'Olaf Brandt', count: 2});
		expect(r.speakers[0]!.aliases).toContain('Chancellor Brandt');
	});

	it('needs the first name when surnames collide', () => {
		const a = articleOf('Former President Bill Hale opened the event.\n"It is a great day," Hale said.', 'a');
		const b = articleOf('Senator Joan Hale spoke next.\n"We have work to do," Hale said.', 'b');
		const r = attributeStory([a, b]);
		expect(r.quotes.map((q) => q.speaker)).toEqual(['Bill Hale', 'Joan Hale']);
	});

	it('keeps bodies as speakers', () => {
		const r = attributeStory([articleOf('The White House said the talks were "productive."')]);
		expect(r.quotes[0]!.speaker).toBe('White House');
	});
});

describe('utterance groups', () => {
	it('groups the same words across outlets even when the wording differs', () => {
		expect(sameUtterance('We will definitely meet, I would really like that.', '(We will) definitely see each other, I would really want that to happen,')).toBe(true);
		expect(sameUtterance('We will definitely meet, I would really like that.', 'The budget is fully funded and the economy will grow.')).toBe(false);
		const a = articleOf('"We will certainly return next spring, I really hope so," Captain Ivo Marsh told the crew.', 'a');
		const b = articleOf('Captain Ivo Marsh said: "(We will) certainly come back in the spring, I really hope that happens."', 'b');
		const c = articleOf('Marsh said the storm was "the worst in years."', 'c');
		const r = attributeStory([a, b, c]);
		const g = r.groups.find((x) => x.quotes.includes('a:q1'))!;
		expect(g.quotes).toEqual(['a:q1', 'b:q1']);
		expect(g.speaker).toBe('Ivo Marsh');
		expect(r.quotes.find((q) => q.id === 'c:q1')!.group).not.toBe(g.id);
	});
});

describe('JSON output', () => {
	it('prints the newsreader quotes --json shape with mention offsets', () => {
		const a = articleOf('"All good," Dr. Sara Kim said.', 'x1', 'Daily');
		const json = toQuotesJson([a], attributeStory([a]));
		expect(json.articles).toHaveLength(1);
		const q = json.articles[0]!.quotes[0]!;
		expect(json.articles[0]!).toMatchObject({id: 'x1', outlet: 'Daily'});
		expect(q).toMatchObject({text: 'All good,', speaker: 'Sara Kim', cue: 'said', kind: 'full', addressee: null});
		expect(a.text.slice(q.start, q.end)).toBe(q.text);
		expect(a.text.slice(q.speakerMention!.start, q.speakerMention!.end)).toBe(q.speakerMention!.text);
	});
});

describe('hostile text', () => {
	const cases: [string, string][] = [
		['no quotes', 'Nothing here is quoted at all. Not one word.'],
		['empty', ''],
		['odd quote counts', 'He said "one "two" three " four "five'],
		['only marks', '"""""\'\'\'“”“”‘’‘’«»„'],
		['nested marks', '“a ‘b “c ‘d’ c” b’ a” ”” ‘‘'],
		['a 20,000-character quote', `"${'word '.repeat(4000)}" he said.`],
		['an unclosed 20,000-character quote', `She said: "${'blah '.repeat(4000)}`],
		['quotes and no letters', '" , " . " ; " : " ! " ?'],
	];
	for (const [name, text] of cases) {
		it(`never throws: ${name}`, () => {
			const r = attributeStory([articleOf(text)]);
			for (const q of r.quotes) {
				expect(q.start).toBeGreaterThanOrEqual(0);
				expect(q.end).toBeLessThanOrEqual(text.length);
				expect(text.slice(q.start, q.end)).toBe(q.text);
			}
			expect(() => toQuotesJson([articleOf(text)], r)).not.toThrow();
		});
	}

	it('a 20,000-character quote is one quote, fast', () => {
		const text = `"${'word '.repeat(4000)}" he said.`;
		const t0 = performance.now();
		const qs = quotesOf(text);
		expect(performance.now() - t0).toBeLessThan(500);
		expect(qs).toHaveLength(1);
		expect(qs[0]!.speakerMention?.text).toBe('he');
	});

	it('never throws on random text made of quote-prone characters', () => {
		const alphabet = ['"', "'", '“', '”', '‘', '’', '«', '»', ' ', '\n', 'a', 'B', 'said', 'he', ',', '.', ':', 'Mr.', 'according to', 'told', '—'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 200}), (parts) => {
				const text = parts.join('');
				const r = attributeStory([articleOf(text), articleOf(text, 'b')]);
				for (const q of r.quotes) if (text.slice(q.start, q.end) !== q.text) return false;
				return true;
			}),
			{numRuns: 300},
		);
	});
});

describe('names across the articles of a story', () => {
	const speakers = (texts: string[]) => {
		const arts = texts.map((t, i) => articleOf(t, `a${i}`));
		const r = attributeStory(arts);
		return r.quotes.map((q) => `${q.article}: ${q.speaker}`);
	};

	it('a surname that is also a title is a name after an honorific or a first name ("Mr. King", "Larry King")', () => {
		expect(speakers(['Larry King hosts a show on Ora.\n\n"It is fun," Mr. King said of the show.\n', 'President Barack Obama spoke on Monday.\n\n"We will win," President Obama said.\n'])).toEqual(['a0: Larry King', 'a1: Barack Obama']);
	});

	it('a description goes to a person named elsewhere in the story only if it fits them word for word', () => {
		// Unrelated news in one folder: the Indiana governor is not Virginia's.
		expect(speakers(['Virginia Governor L. Douglas Wilder spoke in Richmond.\n\n"We are ready," Wilder said.\n', 'The budget passed on Friday.\n\n"It is a good day," the Indiana governor said.\n'])).toEqual(['a0: L. Douglas Wilder', 'a1: the Indiana governor']);
		// One event from two outlets: the Russian leader of one is the Russian President the other names.
		expect(speakers(['Russian President Vladimir Putin spoke to Joe Biden.\n\n"We will meet," Putin said.\n', 'The call lasted two hours.\n\n"We will definitely meet," the Russian leader said.\n'])).toEqual(['a0: Vladimir Putin', 'a1: Vladimir Putin']);
	});
});
