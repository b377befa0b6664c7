import check from '../../shell/checks/network-probe-in-build.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
