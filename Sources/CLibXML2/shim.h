#ifndef ACTORNET_CLIBXML2_SHIM_H
#define ACTORNET_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers then clash with the ICU copy inside
   swift-foundation ("'U_…' is not present in definition of 'enum UErrorCode'"). ActorNet
   never touches libxml2's encoding handler structs (the only place ICU types appear), so
   the headers are read without ICU; the library's ABI for the functions we call is unchanged. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#endif
