// Pango (text shaping and wrapping) over Cairo's PDF surface, and fontconfig to check that a
// font family resolves to the file we expect (Debian libpango1.0-dev, libcairo2-dev). Their APIs
// have no variadic functions, so Swift calls them directly; QuotePDF/Cairo/ wraps them in typed
// Swift that turns every cairo_status_t into a PDFError. The helpers below stand in for macros
// Swift cannot import.
#ifndef REPAIRQUOTE_CPANGOCAIRO_SHIM_H
#define REPAIRQUOTE_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

/// Pango units per point (PANGO_SCALE).
static inline int rq_pango_scale(void) { return PANGO_SCALE; }

/// Drops a reference to a Pango layout or context (GObjects).
static inline void rq_layout_free(PangoLayout *layout) { g_object_unref(layout); }
static inline void rq_context_free(PangoContext *context) { g_object_unref(context); }

#endif
