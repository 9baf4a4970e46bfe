// glibc's allocator tuning (mallopt), used by QuoteServer's AllocatorTuning.
#include <malloc.h>
