# scripts/package: a Debian package of the installed files (cmake/install.cmake) with CPack, its Depends found
# by dpkg-shlibdeps (runtime libraries only), WeasyPrint recommended for the PDF, the systemd timer of the
# monthly job (disabled until switched on) and a copyright file that names the embedded open data's licence.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/bostad-monthly.service ${PROJECT_SOURCE_DIR}/packaging/bostad-monthly.timer
        DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bostad)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "housing construction pipeline tracker with GIS")
set(CPACK_PACKAGE_CONTACT "bostad developers <bostad@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "weasyprint, fonts-dejavu-core, hyphen-sv")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_PACKAGE_DESCRIPTION "Tracks dwellings planned (detaljplaner), applied for, granted (bygglov), started and
completed per area and month for Swedish municipalities: ingests their GIS deliveries, keeps their history,
writes GeoPackages that open styled in QGIS, a monthly report and a forecast. WeasyPrint is needed for the
PDF report only.")
set(CPACK_PACKAGE_FILE_NAME "bostad_${PROJECT_VERSION}_amd64")
include(CPack)
