// libxlsxwriter (Debian libxlsxwriter-dev): writes .xlsx workbooks. Its API has no variadic
// functions, so Swift calls it directly; QuoteSpreadsheet/Workbook.swift wraps it in typed Swift
// that checks every lxw_error.
#ifndef REPAIRQUOTE_CXLSXWRITER_SHIM_H
#define REPAIRQUOTE_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
