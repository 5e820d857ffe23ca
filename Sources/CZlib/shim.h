// zlib, as shipped by the system (the macOS SDK; zlib1g-dev on Debian and Ubuntu).
#include <zlib.h>
