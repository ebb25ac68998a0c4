#ifndef ACTORNET_CGRAPH_SHIM_H
#define ACTORNET_CGRAPH_SHIM_H
/* Graphviz's graph library (libcgraph), through pkg-config; Debian: libgraphviz-dev. Only
   ActorNetIO's DOTReader uses it, and always under one lock: the parser keeps global state. */
#include <cgraph.h>

/* AGSEQ is a macro over a bit-field: an object's creation number within its kind, which puts
   cgraph's edges back into the order the file made them. */
static inline unsigned long actornet_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }
/* Flushes the lexer's buffer. cgraph 2.42 keeps what it had not yet read of the previous input
   (the text after a graph's closing brace) and lexes it at the start of the next parse, which
   shifts its line numbers and could splice one file into another; DOTReader flushes before and
   after every parse. Exported by libcgraph but not declared in its headers. */
extern void aglexbad(void);
/* Resets the lexer whole (buffer and start condition): after some syntax errors cgraph 2.42's
   lexer is left inside a string or comment state, and the next parse would read nothing and
   say nothing. Flex's yylex_destroy, exported by libcgraph, not declared in its headers. */
extern int aaglex_destroy(void);

/* agtail and aghead are macros in Graphviz 2.42 (functions in later versions). */
static inline Agnode_t *actornet_agtail(Agedge_t *e) { return AGTAIL(e); }
static inline Agnode_t *actornet_aghead(Agedge_t *e) { return AGHEAD(e); }
#endif
