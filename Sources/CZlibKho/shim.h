#ifndef KHO_CZLIB_SHIM_H
#define KHO_CZLIB_SHIM_H
// zlib for gzip streams and hardware-assisted CRC-32 (Packaging's archive reader).
#include <zlib.h>
#endif
