#ifndef ACTORNET_CZLIB_SHIM_H
#define ACTORNET_CZLIB_SHIM_H
/* zlib, for gzip and deflate request bodies (Content-Encoding); Debian: zlib1g-dev. */
#include <zlib.h>
#endif
