import type { StageGraph } from '../../../src/core/model';
import { copy, edge, graph, stage } from '../stageGraphBuilder';

/**
 * The graph of
 * ```Dockerfile
 * FROM golang:1.22
 * FROM scratch AS app
 * COPY --from=0 /out/server /server
 * COPY --from=0 /etc/passwd /etc/group /etc/
 * FROM --platform=linux/arm64 app AS debug
 * RUN --mount=type=bind,from=0,target=/src ls /src
 * ```
 * built for `--target app`: two copies between the same stages, scratch, a platform and an unbuilt stage.
 */
export function goServiceGraph(): StageGraph {
  return graph(
    [
      stage(0, { baseName: 'golang:1.22', baseImage: 'golang:1.22' }),
      stage(1, { name: 'app', baseName: 'scratch', baseImage: 'scratch', isTarget: true }),
      stage(2, { name: 'debug', baseName: 'app', baseStage: 1, reachable: false, platform: 'linux/arm64' }),
    ],
    [
      edge('golang:1.22', 0, 'from'),
      edge('scratch', 1, 'from'),
      copy(0, 1, ['/out/server'], '/server'),
      copy(0, 1, ['/etc/passwd', '/etc/group'], '/etc/'),
      edge(1, 2, 'from'),
      edge(0, 2, 'mount', { artifact: { sources: ['/'], destination: '/src', flags: { type: 'bind' } } }),
    ],
  );
}

/**
 * A graph whose texts hold everything a format could trip over: quotes, backslashes, markup, entity lookalikes,
 * pipes, semicolons, line breaks and a very long image reference. (Paths in a Dockerfile can hold any of these;
 * the label is forced so the exporters are tested on more than valid stage names.)
 */
export function hostileGraph(): StageGraph {
  const image = `registry.example.com/${'deep/'.repeat(12)}image:tag`;
  return graph(
    [
      stage(0, { label: 'a"b\\c', baseName: image, baseImage: image }),
      stage(1, { label: '<b>x</b> & #quot; |y|;\nz', baseName: 'a"b\\c', baseStage: 0, isTarget: true }),
    ],
    [edge(image, 0, 'from'), edge(0, 1, 'from'), copy(0, 1, ['/q"uo\\te', '/a\nb`c`'], '/<dest>&|%%;')],
  );
}
