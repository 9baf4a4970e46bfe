// The kernel's CSPRNG (getrandom, glibc 2.25+), used by QuoteStore's CustomerToken.
#include <sys/random.h>
