variable "VERSION" {
  default = "1.4.0"
}

variable "REGISTRY" {
  default = "registry.example.com"
}

group "default" {
  targets = ["app", "app-debug"]
}

group "ci" {
  targets = ["default", "unit-tests"]
}

# Shared by every target: build args and the tag prefix.
target "_common" {
  args = {
    GO_VERSION = "1.23"
    VERSION    = VERSION
  }
}

target "app" {
  inherits = ["_common"]
  target   = "runtime"
  tags     = ["${REGISTRY}/api:${VERSION}"]
}

target "app-debug" {
  inherits = ["app"]
  target   = "debug"
  tags     = ["${REGISTRY}/api:${VERSION}-debug"]
}

target "unit-tests" {
  inherits = ["_common"]
  target   = "test"
  output   = ["type=cacheonly"]
  args = {
    # Not declared by any ARG in the Dockerfile: Stageflow warns that it changes nothing.
    GOFLAGS = "-race"
  }
}
