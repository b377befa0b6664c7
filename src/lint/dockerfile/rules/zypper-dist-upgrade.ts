import check from '../../shell/checks/zypper-dist-upgrade.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
