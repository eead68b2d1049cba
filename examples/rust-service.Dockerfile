# syntax=docker/dockerfile:1
# A Rust service built with cache mounts for the registry and target directory.

FROM rust:1.79-slim-bookworm AS chef
WORKDIR /build
RUN apt-get update && apt-get install -y --no-install-recommends pkg-config libssl-dev \
    && rm -rf /var/lib/apt/lists/*

# Only the manifests, so dependency builds are cached until Cargo.lock changes.
FROM scratch AS manifests
COPY Cargo.toml Cargo.lock /
COPY crates/api/Cargo.toml /crates/api/
COPY crates/core/Cargo.toml /crates/core/

FROM chef AS builder
RUN --mount=type=bind,from=manifests,source=/,target=/build \
    --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target,sharing=locked \
    cargo fetch --locked
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target,sharing=locked \
    cargo build --release --locked --bin api \
    && cp target/release/api /usr/local/bin/api

# Minimal runtime with the dynamic libraries the binary links against.
FROM debian:bookworm-slim AS runtime
RUN --mount=type=bind,from=builder,source=/usr/local/bin/api,target=/tmp/api \
    install -m 0755 /tmp/api /usr/local/bin/api
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3 \
    && rm -rf /var/lib/apt/lists/*
USER 10001
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/api"]
