import json,sys,collections
p=json.load(open(sys.argv[1]))
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
self_t=collections.Counter(); incl=collections.Counter()
def key(n):
    cf=n['callFrame']; return f"{cf['functionName'] or '(anon)'} {cf['url'].split('/')[-1]}:{cf['lineNumber']+1}"
for sid,dt in zip(p['samples'],p['timeDeltas']):
    n=nodes[sid]; self_t[key(n)]+=dt/1000
    seen=set(); x=sid
    while x is not None:
        k=key(nodes[x])
        if k not in seen: incl[k]+=dt/1000; seen.add(k)
        x=parent.get(x)
print('SELF'); [print(f'{v:8.1f} {k}') for k,v in self_t.most_common(25)]
print('INCL'); [print(f'{v:8.1f} {k}') for k,v in incl.most_common(45)]
