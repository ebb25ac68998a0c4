#ifndef ACTORNET_CGRAPH_SHIM_H
#define ACTORNET_CGRAPH_SHIM_H
/* Graphviz's graph library (libcgraph), through pkg-config; Debian: libgraphviz-dev. Only
   ActorNetIO's DOTReader uses it, and always under one lock: the parser keeps global state. */
#include <cgraph.h>

/* AGSEQ is a macro over a bit-field: an object's creation number within its kind, which puts
   cgraph's edges back into the order the file made them. */
static inline unsigned long actornet_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }
/* agtail and aghead are macros in Graphviz 2.42 (functions in later versions). */
static inline Agnode_t *actornet_agtail(Agedge_t *e) { return AGTAIL(e); }
static inline Agnode_t *actornet_aghead(Agedge_t *e) { return AGHEAD(e); }
#endif
