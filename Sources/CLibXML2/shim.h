#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers would pull the system ICU into this
// module and clash with Foundation's own ICU module in clean debug builds. We never use
// the ICU converter members, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/tree.h>
