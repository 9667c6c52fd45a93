#ifndef KHO_CLIBXML2_SHIM_H
#define KHO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its <unicode/ucnv.h> clashes with Foundation's bundled ICU
   (_FoundationICU: "UErrorCode ... is not present in definition") in any Swift file importing both.
   Kho never touches the ICU-specific tail of xmlCharEncodingHandler, so hide it. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/catalog.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable state. */
static inline void kho_xml_free(void *pointer) { xmlFree(pointer); }
#endif
