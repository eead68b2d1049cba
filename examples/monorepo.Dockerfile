# syntax=docker/dockerfile:1
# A monorepo with three services, a web front end, shared tooling and CI stages.
# Build one service with --target, e.g. `docker build --target gateway .`; the default target is `release`.

ARG NODE_VERSION=20
ARG GO_VERSION=1.22
ARG PYTHON_VERSION=3.12
ARG ALPINE_VERSION=3.20

# Common OS packages and a non-root user shared by every runtime image.
FROM alpine:${ALPINE_VERSION} AS base
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S app && adduser -S -G app app
WORKDIR /srv

# Go toolchain with the workspace modules downloaded once.
FROM golang:${GO_VERSION}-alpine AS go-base
WORKDIR /src
COPY go.work go.work.sum ./
COPY services/gateway/go.mod services/gateway/go.sum services/gateway/
COPY services/billing/go.mod services/billing/go.sum services/billing/
COPY libs/go/go.mod libs/go/go.sum libs/go/
RUN --mount=type=cache,target=/go/pkg/mod go mod download

# Node toolchain with the workspace dependencies installed.
FROM node:${NODE_VERSION}-alpine AS node-base
WORKDIR /src
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN --mount=type=cache,target=/root/.npm npm ci

# Python toolchain for the reports worker.
FROM python:${PYTHON_VERSION}-slim AS py-base
WORKDIR /src
COPY services/reports/requirements.txt ./
RUN --mount=type=cache,target=/root/.cache/pip pip wheel --wheel-dir /wheels -r requirements.txt

# Generated protobuf code shared by all services.
FROM bufbuild/buf:1.34 AS proto
WORKDIR /proto
COPY proto/ .
RUN buf generate --output /gen

FROM go-base AS gateway-build
COPY --from=proto /gen/go libs/go/gen
COPY libs/go libs/go
COPY services/gateway services/gateway
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -o /out/gateway ./services/gateway

FROM go-base AS billing-build
COPY --from=proto /gen/go libs/go/gen
COPY libs/go libs/go
COPY services/billing services/billing
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -o /out/billing ./services/billing

FROM node-base AS web-build
COPY --from=proto /gen/ts web/src/gen
COPY web web
RUN npm run build --workspace web

# Unit tests for every Go module; build this target in CI.
FROM go-base AS go-test
COPY --from=proto /gen/go libs/go/gen
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go test ./...

# Static analysis; build this target in CI.
FROM golangci/golangci-lint:v1.59-alpine AS go-lint
WORKDIR /src
COPY --from=go-base /go/pkg/mod /go/pkg/mod
COPY --from=proto /gen/go libs/go/gen
COPY . .
RUN golangci-lint run ./...

FROM node-base AS web-test
COPY --from=proto /gen/ts web/src/gen
COPY web web
RUN npm test --workspace web

# The API gateway.
FROM base AS gateway
COPY --from=gateway-build --chown=app:app /out/gateway /usr/local/bin/gateway
USER app
EXPOSE 8080
ENTRYPOINT ["gateway"]

# The billing service.
FROM base AS billing
COPY --from=billing-build --chown=app:app /out/billing /usr/local/bin/billing
USER app
EXPOSE 8081
ENTRYPOINT ["billing"]

# The reports worker.
FROM python:${PYTHON_VERSION}-slim AS reports
WORKDIR /srv
RUN --mount=type=bind,from=py-base,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels /wheels/*.whl
COPY services/reports/ ./
USER nobody
CMD ["python", "-m", "reports"]

# The web front end, served by nginx.
FROM nginx:1.27-alpine AS web
COPY --from=web-build /src/web/dist /usr/share/nginx/html
COPY web/nginx.conf /etc/nginx/conf.d/default.conf
EXPOSE 80

# A debugging image that is never part of the release (build it explicitly with --target debug).
FROM base AS debug
RUN apk add --no-cache curl busybox-extras strace
COPY --from=gateway-build /out/gateway /usr/local/bin/gateway
COPY --from=billing-build /out/billing /usr/local/bin/billing

# The all-in-one release image: gateway, billing and the web assets behind one nginx.
FROM base AS release
COPY --from=nginx:1.27-alpine /usr/sbin/nginx /usr/sbin/nginx
COPY --from=nginx:1.27-alpine /etc/nginx /etc/nginx
COPY --from=gateway /usr/local/bin/gateway /usr/local/bin/
COPY --from=billing /usr/local/bin/billing /usr/local/bin/
COPY --from=web /usr/share/nginx/html /srv/www
COPY deploy/entrypoint.sh /usr/local/bin/entrypoint.sh
USER app
EXPOSE 80 8080 8081
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
