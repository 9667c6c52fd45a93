#ifndef KHO_CPOPPLER_SHIM_H
#define KHO_CPOPPLER_SHIM_H
// poppler-glib, for the text layer of PDFs read in process (one document per call, documents never
// shared between threads): poppler_document_new_from_fd, poppler_page_get_text, g_object_unref.
#include <poppler.h>
#endif
