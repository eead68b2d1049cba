# syntax=docker/dockerfile:1
# Cross-compiling build: the compiler runs on the build platform, the result targets TARGETOS/TARGETARCH.

ARG GO_VERSION=1.22
ARG BASE_IMAGE
ARG RUNTIME_VARIANT=static

# The toolchain always runs natively on the machine that builds.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM alpine:3.20 AS certs
RUN apk add --no-cache ca-certificates

# The runtime base is chosen with --build-arg BASE_IMAGE=...; distroless by default.
FROM ${BASE_IMAGE:-gcr.io/distroless/${RUNTIME_VARIANT}-debian12} AS runtime
COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build --chmod=0755 /out/app /app
ENTRYPOINT ["/app"]
