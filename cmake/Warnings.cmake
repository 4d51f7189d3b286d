# Compiler warnings for our own targets: mtls_set_warnings(target)
function(mtls_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align
            -Woverloaded-virtual -Wformat=2 $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_UP_TO=0x060000)
endfunction()
