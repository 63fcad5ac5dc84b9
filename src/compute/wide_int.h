#pragma once
// Products such as count x 10000 x 10^decimals can pass 64 bits on odd inputs; the compute
// stage does them in 128 bits so that no input can make a figure silently wrong.
namespace kehoach {
__extension__ typedef __int128 WideInt;
}  // namespace kehoach
