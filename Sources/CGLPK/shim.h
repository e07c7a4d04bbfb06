#ifndef FELLOWMATCH_CGLPK_SHIM_H
#define FELLOWMATCH_CGLPK_SHIM_H
/* GLPK as shipped by Debian's libglpk-dev (no pkg-config file). */
#include <glpk.h>
#endif
