import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types.js';

// antd's outlined icons drawn from their SVG definitions (@ant-design/icons-svg, which
// @ant-design/icons draws from too), without the icon component's runtime: the sign-in page and
// home a store owner opens on a phone show them before antd is downloaded.
//
// The definitions are ES modules in a package without "type": "module": TypeScript reads their
// default import as a CommonJS wrapper `{ default }`, the bundler as the definition itself.
export type IconModule = IconDefinition | { default: IconDefinition };

export function PortalIcon({ icon }: { icon: IconModule }) {
  const definition = 'default' in icon ? icon.default : icon;
  const node =
    typeof definition.icon === 'function' ? definition.icon('currentColor', 'currentColor') : definition.icon;
  return (
    <span className="portal-icon">
      <svg
        viewBox={node.attrs.viewBox}
        width="1em"
        height="1em"
        fill="currentColor"
        focusable="false"
        aria-hidden="true"
      >
        {node.children?.map(drawNode)}
      </svg>
    </span>
  );
}

function drawNode(node: AbstractNode, index: number) {
  if (node.tag !== 'path') return null;
  return <path key={index} d={node.attrs.d} />;
}
