/**
 * Who published an article, when nothing but the text and the file name say so.
 */
import type {Article} from '../core/types.js';

/** "LONDON (Reuters) - …": a capitalised lead-in, the agency in parentheses, then a dash or the text. */
const LEAD_CREDIT = /^(?:\p{Lu}[\p{L}\p{N} .,'/-]{1,60}?\s*)?\((?<credit>\p{Lu}[\p{L}&.' -]{0,30}?)\)\s*(?:[-—–]{1,2}\s|(?=\p{Lu}))/u;

/**
 * The agency credited at the start of the body: "LONDON (Reuters) - …", "WASHINGTON, Dec 7
 * (AP) — …", "(CNN)Russian President …". Looks at the first body (or standfirst) paragraph only.
 */
export function leadCredit(article: Article): string | undefined {
	const p = article.paragraphs.find((x) => x.role === 'body' || x.role === 'standfirst');
	if (!p) return undefined;
	const start = article.text.slice(p.start, Math.min(p.end, p.start + 120));
	// No parenthesis, no credit: skips compiling the Unicode-class pattern (startup path).
	if (!start.includes('(')) return undefined;
	const m = LEAD_CREDIT.exec(start);
	const credit = m?.groups?.credit?.trim();
	// "(R)" after a name is a party or a side, not an agency.
	if (!credit || credit.length < 2 || /^(?:R|D|I|L|C)$/.test(credit)) return undefined;
	return credit;
}

/**
 * An outlet name from a file name, the last resort: "cnn-putin-biden" → "CNN",
 * "guardian_2021-12-12" → "Guardian"; a name that starts with digits ("000_21bccf") stays whole.
 */
export function outletFromFileName(id: string): string {
	const head = id.split(/[-_ .]/)[0] ?? id;
	if (!head || /^\d/.test(head)) return id;
	if (head.length <= 4 && /^\p{Ll}+$/u.test(head)) return head.toUpperCase();
	return head[0]!.toUpperCase() + head.slice(1);
}
