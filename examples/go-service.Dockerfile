# syntax=docker/dockerfile:1
# A Go HTTP service: compile a static binary, then ship it on a distroless base.

FROM golang:1.22-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

# The runtime image: only the binary and CA certificates.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=0 /out/server /usr/local/bin/server
COPY --from=alpine:3.20 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
