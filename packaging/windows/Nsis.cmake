# The NSIS installer: per-user by default (no administrator rights, %LOCALAPPDATA%\Programs, HKCU, the user's
# Start menu), for all users into Program Files only when the installer is started with "Run as administrator".
# Included from packaging/Installers.cmake before include(CPack). Only CPack variables and the template live here,
# so the recipe can be checked with makensis on any system (see packaging/windows/README.md).

# A stable name for the folder, the registry key and "Apps & features", whatever the version: a newer installer
# then finds the older one and offers to remove it first.
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${MTLS_APP_NAME}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${MTLS_APP_NAME}")
set(CPACK_NSIS_PACKAGE_NAME "${MTLS_APP_NAME} ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "${MTLS_APP_NAME}")
# Used only when the installer runs elevated: then it installs for all users, as CPack's template decides.
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON "${MTLS_ICON_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${MTLS_ICON_ICO}")
# The icon shown in "Apps & features": the one embedded in the program (packaging/windows/mtls-assistant.rc.in).
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mtls-assistant.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
# Start menu: "mTLS Assistant" (from CPACK_PACKAGE_EXECUTABLES, relative to CPACK_NSIS_EXECUTABLES_DIRECTORY, bin)
# and the uninstaller, which the template always adds; the finish page offers to start the program.
set(CPACK_PACKAGE_EXECUTABLES "mtls-assistant;${MTLS_APP_NAME}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "mtls-assistant.exe")
set(CPACK_NSIS_MENU_LINKS "${PROJECT_HOMEPAGE_URL}" "${MTLS_APP_NAME} web site")

# CPack's own NSIS template asks for administrator rights ("RequestExecutionLevel admin") and, for a user who is
# not an administrator, proposes "$DOCUMENTS\<name>" as the folder. We take CMake's template as it is and change
# only those lines: "RequestExecutionLevel user", and %LOCALAPPDATA%\Programs (the per-user program folder) instead
# of the Documents folder. CPack looks for NSIS.template.in in CPACK_MODULE_PATH (initialised from
# CMAKE_MODULE_PATH by include(CPack)) before its own copy. Every change is checked, so a newer CMake whose
# template reads differently fails here instead of silently producing an installer that needs administrator rights.
set(mtls_nsis_template "${CMAKE_ROOT}/Modules/Internal/CPack/NSIS.template.in")
if(NOT EXISTS "${mtls_nsis_template}")
    message(FATAL_ERROR "CPack's NSIS template is not at ${mtls_nsis_template}: packaging/windows/Nsis.cmake must "
        "be adapted to this CMake version (${CMAKE_VERSION}).")
endif()
file(READ "${mtls_nsis_template}" mtls_nsis)
function(mtls_nsis_replace from to)
    string(FIND "${mtls_nsis}" "${from}" position)
    if(position EQUAL -1)
        message(FATAL_ERROR "CPack's NSIS template (CMake ${CMAKE_VERSION}) has no line '${from}': "
            "packaging/windows/Nsis.cmake must be adapted to it.")
    endif()
    string(REPLACE "${from}" "${to}" replaced "${mtls_nsis}")
    set(mtls_nsis "${replaced}" PARENT_SCOPE)
endfunction()
mtls_nsis_replace([=[RequestExecutionLevel admin]=] [=[RequestExecutionLevel user]=])
mtls_nsis_replace([=[StrCpy $INSTDIR "$DOCUMENTS\@CPACK_PACKAGE_INSTALL_DIRECTORY@"]=]
    [=[StrCpy $INSTDIR "$LOCALAPPDATA\Programs\@CPACK_PACKAGE_INSTALL_DIRECTORY@"]=])
# "Uninstall the old version first?" looks in HKLM only; a per-user installation is registered under HKCU
# (SHCTX is HKCU until the template switches to all users, which it does only when elevated).
mtls_nsis_replace(
    [=[ReadRegStr $0 HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\@CPACK_PACKAGE_INSTALL_REGISTRY_KEY@" "UninstallString"]=]
    [=[ReadRegStr $0 SHCTX "Software\Microsoft\Windows\CurrentVersion\Uninstall\@CPACK_PACKAGE_INSTALL_REGISTRY_KEY@" "UninstallString"]=])
set(mtls_nsis_dir "${CMAKE_BINARY_DIR}/packaging/nsis")
file(WRITE "${mtls_nsis_dir}/NSIS.template.in" "${mtls_nsis}")
list(PREPEND CMAKE_MODULE_PATH "${mtls_nsis_dir}")
