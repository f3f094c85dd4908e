# nlohmann-json: --of json output and the JSON schema of the config file.
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
