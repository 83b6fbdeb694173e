// LazyResult's chunk: antd's Result alone.
export { Result } from 'antd';
