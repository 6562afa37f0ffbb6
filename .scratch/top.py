import json,sys,collections
prof=json.load(open(sys.argv[1]))
nodes={n['id']:n for n in prof['nodes']}
self_t=collections.Counter()
samples=prof['samples']; deltas=prof['timeDeltas']
for s,d in zip(samples,deltas):
    n=nodes[s]; cf=n['callFrame']
    key=f"{cf['functionName'] or '(anon)'} {cf['url'].split('node_modules/')[-1][:60]}:{cf['lineNumber']}"
    self_t[key]+=d
total=sum(self_t.values())
for k,v in self_t.most_common(35):
    print(f"{v/1000:8.1f}ms {100*v/total:5.1f}% {k}")
# by package
pk=collections.Counter()
for s,d in zip(samples,deltas):
    url=nodes[s]['callFrame']['url']
    if 'node_modules/' in url:
        p=url.split('node_modules/')[-1].split('/')
        p=p[0]+'/'+p[1] if p[0].startswith('@') else p[0]
    elif url: p='ours:'+url.split('/work/main/')[-1].split('/')[0]
    else: p='(native/gc)'
    pk[p]+=d
print('--- by package')
for k,v in pk.most_common(20): print(f"{v/1000:8.1f}ms {100*v/total:5.1f}% {k}")
