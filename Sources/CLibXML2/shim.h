#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers would pull the system ICU into this
// module and clash with Foundation's own ICU module in clean debug builds. We never use
// the ICU converter members, so hide them.
#undef LIBXML_ICU_ENABLED
// The pull reader, and through it the parser, tree, error and I/O headers.
#include <libxml/xmlreader.h>
// The HTML parser that reads item bodies.
#include <libxml/HTMLparser.h>
